namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// A vehicle's plug-ins in time order from a fixed base day, each starting at the SOC the previous one
/// ended at less the driving in between. Starting from the same base day for every run is what makes a
/// reading a function of (seed, device, timestamp) alone, so overlapping runs send identical readings.
/// </summary>
internal sealed class SessionChain
{
    /// <summary>SOC before the first plug-in of the chain.</summary>
    public const double InitialSoc = 60;

    // Drivers do not run the battery flat: the drive before a session never takes it below this.
    private const double MinSoc = 5;

    private readonly long _seed;
    private readonly VehicleProfile _profile;
    private readonly List<PlannedSession> _planned = [];
    private int _taken;
    private long _day;
    private double _soc = InitialSoc;

    public SessionChain(long seed, VehicleProfile profile, long baseDay)
    {
        _seed = seed;
        _profile = profile;
        _day = baseDay;
    }

    public ChargedSession Next()
    {
        while (_taken == _planned.Count)
        {
            _planned.Clear();
            _taken = 0;
            SessionPlanner.Plan(_seed, _profile, _day++, _planned);
        }

        var plan = _planned[_taken++];
        var capacity = _profile.CapacityKwh;
        var startSoc = Math.Max(MinSoc, _soc - (plan.DriveKwh / capacity * 100));
        var dcKw = plan.AcKw * _profile.Efficiency;
        var hoursToFull = (100 - startSoc) / 100 * capacity / dcKw;
        var full = plan.PlugIn + TimeSpan.FromHours(hoursToFull);
        var chargeEnd = full < plan.Unplug ? full : plan.Unplug;
        var endSoc = full <= plan.Unplug ? 100 : Math.Min(100, startSoc + (dcKw * (chargeEnd - plan.PlugIn).TotalHours / capacity * 100));
        _soc = endSoc;
        return new ChargedSession(plan, dcKw, startSoc, endSoc, chargeEnd);
    }
}

/// <summary>
/// A planned plug-in worked out against the battery: the SOC it starts and ends at, and when charging
/// stops (<see cref="ChargeEnd"/>: full, or unplugged). Power is constant while charging.
/// </summary>
internal sealed record ChargedSession(PlannedSession Plan, double DcKw, double StartSoc, double EndSoc, DateTimeOffset ChargeEnd)
{
    public DateTimeOffset PlugIn => Plan.PlugIn;

    public DateTimeOffset Unplug => Plan.Unplug;

    public double AcKw => Plan.AcKw;

    /// <summary>Hours of charging that fall in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public double ChargingHours(DateTimeOffset from, DateTimeOffset to)
    {
        var start = from > PlugIn ? from : PlugIn;
        var end = to < ChargeEnd ? to : ChargeEnd;
        return end > start ? (end - start).TotalHours : 0;
    }
}
