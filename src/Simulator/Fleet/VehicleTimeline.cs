using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// Follows one vehicle forward in time over its <see cref="SessionChain"/> and samples it at reading
/// timestamps, which must not go backwards. Values are closed-form in time: energy is power times the
/// charging time inside the interval, the SOC rises linearly while charging and falls while driving away
/// from one charger and to the next, and the battery warms towards a level set by the charging power and cools after.
/// </summary>
internal sealed class VehicleTimeline
{
    // Enough sessions to cover any interval (at most an hour) and the cooling after the last one.
    private const int KeptSessions = 4;

    private static readonly TimeSpan DriveLeg = TimeSpan.FromMinutes(45);
    private static readonly TimeSpan ThermalTimeConstant = TimeSpan.FromMinutes(20);

    private readonly long _seed;
    private readonly VehicleProfile _profile;
    private readonly SessionChain _chain;
    private readonly List<ChargedSession> _begun = new(KeptSessions + 1);
    private ChargedSession _next;

    public VehicleTimeline(long seed, VehicleProfile profile, long baseDay)
    {
        _seed = seed;
        _profile = profile;
        _chain = new SessionChain(seed, profile, baseDay);
        _next = _chain.Next();
    }

    public VehicleProfile Profile => _profile;

    /// <summary>The vehicle over [<paramref name="end"/> − <paramref name="interval"/>, <paramref name="end"/>).</summary>
    public IntervalSample Sample(DateTimeOffset end, TimeSpan interval)
    {
        AdvanceTo(end);
        var from = end - interval;
        double acKwh = 0, dcKwh = 0, heat = 0;
        ChargerKind? charger = null;
        foreach (var session in _begun)
        {
            var hours = session.ChargingHours(from, end);
            acKwh += session.AcKw * hours;
            dcKwh += session.DcKw * hours;
            heat += Heat(session, end);
            if (session.PlugIn < end && session.Unplug > from)
            {
                charger = session.Plan.Kind;
            }
        }

        var noise = StableHash.Stream(_seed, FleetStreams.VehicleNoise, _profile.Number, end.ToUnixTimeSeconds());
        var temperature = Ambient(end) + heat + noise.NextBetween(-0.2, 0.2);
        return new IntervalSample(Math.Round(acKwh, 6), Math.Round(dcKwh, 6), Math.Round(Soc(end), 6), Math.Round(temperature, 2), charger);
    }

    private void AdvanceTo(DateTimeOffset time)
    {
        while (_next.PlugIn <= time)
        {
            _begun.Add(_next);
            if (_begun.Count > KeptSessions)
            {
                _begun.RemoveAt(0);
            }

            _next = _chain.Next();
        }
    }

    private double Soc(DateTimeOffset time)
    {
        var last = _begun.Count > 0 ? _begun[^1] : null;
        if (last is not null && time < last.Unplug)
        {
            var charged = last.ChargingHours(last.PlugIn, time) * last.DcKw;
            return Math.Min(last.EndSoc, last.StartSoc + (charged / _profile.CapacityKwh * 100));
        }

        // Driving away after unplugging uses half of the energy, driving to the next charger the other half,
        // each over at most 45 minutes; in between the vehicle is parked.
        var parkedSoc = last?.EndSoc ?? SessionChain.InitialSoc;
        var arrivalSoc = _next.StartSoc;
        if (last is null)
        {
            return Drive(parkedSoc, arrivalSoc, _next.PlugIn - DriveLeg, time, DriveLeg);
        }

        var leg = Min(DriveLeg, (_next.PlugIn - last.Unplug) / 2);
        var midSoc = (parkedSoc + arrivalSoc) / 2;
        return time < last.Unplug + leg
            ? Drive(parkedSoc, midSoc, last.Unplug, time, leg)
            : Drive(midSoc, arrivalSoc, _next.PlugIn - leg, time, leg);
    }

    /// <summary>SOC going linearly from <paramref name="from"/> to <paramref name="to"/> over <paramref name="leg"/> from <paramref name="start"/>.</summary>
    private static double Drive(double from, double to, DateTimeOffset start, DateTimeOffset time, TimeSpan leg)
    {
        if (time <= start || leg <= TimeSpan.Zero)
        {
            return from;
        }

        return time >= start + leg ? to : from + ((to - from) * ((time - start) / leg));
    }

    // Warming towards 1 °C + 0.12 °C per kW of charging (a 150 kW session ends ~19 °C above ambient), cooling after.
    private static double Heat(ChargedSession session, DateTimeOffset time)
    {
        if (time <= session.PlugIn)
        {
            return 0;
        }

        var target = 1 + (0.12 * session.DcKw);
        var charging = (time < session.ChargeEnd ? time : session.ChargeEnd) - session.PlugIn;
        var rise = target * (1 - Math.Exp(-charging / ThermalTimeConstant));
        return time <= session.ChargeEnd ? rise : rise * Math.Exp(-(time - session.ChargeEnd) / ThermalTimeConstant);
    }

    // The vehicle's climate with a daily swing of ±4 °C, warmest at 15:00 UTC.
    private double Ambient(DateTimeOffset time) =>
        _profile.AmbientC + (4 * Math.Sin(2 * Math.PI * (time.UtcDateTime.TimeOfDay.TotalHours - 9) / 24));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>
/// One vehicle over the interval ending at a reading's timestamp: energy drawn from the grid (AC) and
/// put into the battery (DC) in the interval, SOC and battery temperature at its end, and the charger
/// it was plugged into during it (null: not plugged in at all).
/// </summary>
internal readonly record struct IntervalSample(double AcKwh, double DcKwh, double Soc, double BatteryTemp, ChargerKind? Charger);
