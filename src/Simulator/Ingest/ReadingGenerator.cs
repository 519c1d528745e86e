using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Ingest;

/// <summary>
/// Maps a reading index to a reading. Successive indices go round-robin over the fleet, meters and
/// vehicles interleaved in proportion, so every request touches many devices; each device's readings
/// are 60 s apart from the start time.
/// </summary>
internal sealed class ReadingGenerator
{
    /// <summary>The widest id suffix the generator makes: "MTR-" or "VEH-" and up to 8 digits.</summary>
    public const int LongestIdSuffix = 12;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    private readonly int _meters;
    private readonly int _vehicles;
    private readonly string _prefix;
    private readonly long _seed;
    private readonly DateTimeOffset _start;

    public ReadingGenerator(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _meters = options.Meters;
        _vehicles = options.Vehicles;
        _prefix = options.Prefix;
        _seed = options.Seed;
        _start = options.Start;
    }

    public long DeviceCount => (long)_meters + _vehicles;

    /// <summary>How many readings have timestamps not later than <paramref name="now"/>: the gateway rejects future ones.</summary>
    public long AvailableBefore(DateTimeOffset now)
    {
        var rounds = ((now - _start).Ticks / Interval.Ticks) + 1;
        return rounds <= 0 ? 0 : rounds > long.MaxValue / DeviceCount ? long.MaxValue : rounds * DeviceCount;
    }

    public Reading Get(long index)
    {
        var round = index / DeviceCount;
        var slot = index % DeviceCount;
        var timestamp = _start + (Interval * round);

        // Meters take their share of each round's slots, spread evenly: slot s is a meter when the
        // running count of meters, floor(s * M / T), steps up at s.
        var metersBefore = slot * _meters / DeviceCount;
        var isMeter = (slot + 1) * _meters / DeviceCount > metersBefore;
        if (isMeter)
        {
            var number = metersBefore + 1;
            var random = RandomFor(0, number, round);
            return new MeterReading(DeviceId("MTR", number), timestamp, random.NextDouble(0, 0.5, 4), random.NextDouble(220, 250, 1));
        }
        else
        {
            var number = slot - metersBefore + 1;
            var random = RandomFor(1, number, round);
            return new VehicleReading(
                DeviceId("VEH", number), timestamp, random.NextDouble(0, 100, 1), random.NextDouble(0, 0.45, 4), random.NextDouble(15, 45, 1));
        }
    }

    private string DeviceId(string kind, long number) => FormattableString.Invariant($"{_prefix}{kind}-{number:D6}");

    private StableStream RandomFor(ulong kind, long number, long round) => StableHash.Stream(_seed, kind, number, round);
}
