namespace EnergyActors.Simulator.Ingest;

/// <summary>
/// The validated settings of one <c>ingest</c> run. A zero <see cref="Duration"/> means no time limit
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
    string? JsonPath,
    TimeSpan Warmup)
{
    /// <summary>Readings per request.</summary>
    public int ReadingsPerRequest => Mode == IngestMode.Batch ? BatchSize : 1;
}
