using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// The simulated fleet: vehicle i charges from meter i; meters without a vehicle are idle chargers,
/// vehicles without a meter charge elsewhere (their DC is seen, their AC is not). Produces the readings
/// of one reporting round, meter i and vehicle i side by side.
/// </summary>
internal sealed class FleetModel
{
    // Every run starts its session chains here, so a given (seed, vehicle, timestamp) always has the same
    // history behind it; only a --start earlier than this moves the base (two days before --start).
    private static readonly long ChainBaseDay = (long)(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) - DateTimeOffset.UnixEpoch).TotalDays;

    private const double HomeVoltage = 230;
    private const double ThreePhaseVoltage = 400;

    private readonly FleetOptions _options;
    private readonly VehicleTimeline[] _vehicles;
    private readonly string[] _vehicleIds;
    private readonly string[] _meterIds;

    private FleetModel(FleetOptions options, VehicleTimeline[] vehicles)
    {
        _options = options;
        _vehicles = vehicles;
        _vehicleIds = [.. Enumerable.Range(1, options.Vehicles).Select(n => DeviceIds.Vehicle(options.Prefix, n))];
        _meterIds = [.. Enumerable.Range(1, options.Meters).Select(n => DeviceIds.Meter(options.Prefix, n))];
    }

    public int ReadingsPerRound => _options.Meters + _options.Vehicles;

    public int Vehicles => _vehicleIds.Length;

    public string VehicleId(int number) => _vehicleIds[number - 1];

    /// <summary>What the fleet made of vehicle <paramref name="number"/>: its class and charging efficiency.</summary>
    public VehicleProfile Profile(int number) => _vehicles[number - 1].Profile;

    public FleetComposition Composition => new(
        _vehicles.Count(v => v.Profile.Class == EfficiencyClass.Healthy),
        _vehicles.Count(v => v.Profile.Class == EfficiencyClass.Faulty),
        _vehicles.Count(v => v.Profile.Class == EfficiencyClass.SensorFault));

    /// <summary>Builds every vehicle and walks its history up to the run's start (in parallel: it is most of the set-up time).</summary>
    public static FleetModel Create(FleetOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        var startDay = (long)Math.Floor((options.Start - DateTimeOffset.UnixEpoch).TotalDays);
        var baseDay = Math.Min(ChainBaseDay, startDay - 2);
        var vehicles = new VehicleTimeline[options.Vehicles];
        Parallel.For(0, options.Vehicles, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var profile = VehicleProfile.Create(options.Seed, i + 1, options.FaultyShare, options.SensorFaultShare);
            var timeline = new VehicleTimeline(options.Seed, profile, baseDay);
            timeline.Sample(options.Start, options.Interval);
            vehicles[i] = timeline;
        });
        return new FleetModel(options, vehicles);
    }

    /// <summary>Every device's reading for the interval ending at <paramref name="timestamp"/> (not earlier than the previous round's).</summary>
    public List<Reading> Round(DateTimeOffset timestamp)
    {
        var readings = new List<Reading>(ReadingsPerRound);
        var devices = Math.Max(_options.Meters, _options.Vehicles);
        var seconds = timestamp.ToUnixTimeSeconds();
        for (var i = 0; i < devices; i++)
        {
            IntervalSample? sample = i < _vehicles.Length ? _vehicles[i].Sample(timestamp, _options.Interval) : null;
            if (i < _meterIds.Length)
            {
                var noise = StableHash.Stream(_options.Seed, FleetStreams.MeterNoise, i + 1, seconds);
                var charger = sample?.Charger;
                var nominal = charger is ChargerKind.Work or ChargerKind.Fast ? ThreePhaseVoltage : HomeVoltage;
                var voltage = Math.Round(nominal * (1 + noise.NextBetween(-0.02, 0.02)), 1);
                readings.Add(new MeterReading(_meterIds[i], timestamp, sample?.AcKwh ?? 0, voltage, charger is null ? null : _vehicleIds[i]));
            }

            if (sample is { } vehicle)
            {
                readings.Add(new VehicleReading(_vehicleIds[i], timestamp, vehicle.Soc, vehicle.DcKwh, vehicle.BatteryTemp));
            }
        }

        return readings;
    }
}

/// <summary>How many vehicles of the fleet fall in each efficiency class.</summary>
internal sealed record FleetComposition(int Healthy, int Faulty, int SensorFault);

/// <summary>
/// Stream tags for <see cref="Shared.StableHash"/>: each kind of draw gets its own stream, so adding a
/// draw to one never shifts the values of another.
/// </summary>
internal static class FleetStreams
{
    public const ulong Profile = 0xF1EE7_0001;
    public const ulong Day = 0xF1EE7_0002;
    public const ulong VehicleNoise = 0xF1EE7_0003;
    public const ulong MeterNoise = 0xF1EE7_0004;
}
