using System.Globalization;

namespace EnergyActors.Simulator.Ingest;

/// <summary>How readings are posted: one per request, or many per <c>/v1/telemetry/batch</c> request.</summary>
internal enum IngestMode
{
    Single,
    Batch,
}

/// <summary>
/// The settings of one <c>ingest</c> run. A zero <see cref="Duration"/> means no time limit
/// (then <see cref="Readings"/>, the cap on readings sent while measuring, bounds the run).
/// </summary>
internal sealed record IngestOptions(
    Uri Gateway,
    IngestMode Mode,
    int Meters,
    int Vehicles,
    string Prefix,
    TimeSpan Duration,
    long? Readings,
    int Concurrency,
    int BatchSize,
    long Seed,
    DateTimeOffset Start,
    string? Connection,
    TimeSpan Warmup)
{
    /// <summary>Readings per request.</summary>
    public int ReadingsPerRequest => Mode == IngestMode.Batch ? BatchSize : 1;

    /// <summary>The line announcing the run: what is sent where, and what ends the measurement.</summary>
    public string Plan()
    {
        var bounds = new List<string>();
        if (Duration > TimeSpan.Zero)
        {
            bounds.Add(string.Create(CultureInfo.InvariantCulture, $"{Duration.TotalSeconds:0.###} s"));
        }

        if (Readings is { } cap)
        {
            bounds.Add(string.Create(CultureInfo.InvariantCulture, $"{cap:N0} readings"));
        }

        var mode = Mode == IngestMode.Batch ? $"batches of {BatchSize:N0}" : "single readings";
        return string.Create(CultureInfo.InvariantCulture,
            $"Posting {mode} to {Gateway} from {Meters:N0} meters and {Vehicles:N0} vehicles, " +
            $"{Concurrency} in flight; warm-up {Warmup.TotalSeconds:0.###} s, then measuring for {string.Join(" or ", bounds)}, whichever comes first.");
    }
}
