using System.Text.Json.Serialization;

namespace EnergyActors.Simulator.Shared;

/// <summary>
/// What the gateway answered over a run and how fast: the figures ingest, fleet and backfill results share.
/// Their results derive from it rather than nest it, because <c>--json</c> has always written these as
/// top-level fields and System.Text.Json cannot flatten a nested record. The orders keep each file's field
/// order as it was: a command's own fields first, the counters, then the latencies, then what it adds last.
/// </summary>
internal record IngestFigures(
    [property: JsonPropertyOrder(IngestFigures.CountersOrder)] long Requests,
    [property: JsonPropertyOrder(IngestFigures.CountersOrder)] long Accepted,
    [property: JsonPropertyOrder(IngestFigures.CountersOrder)] long Duplicates,
    [property: JsonPropertyOrder(IngestFigures.CountersOrder)] long Rejected,
    [property: JsonPropertyOrder(IngestFigures.CountersOrder)] long Retried,
    [property: JsonPropertyOrder(IngestFigures.CountersOrder)] long Failed,
    [property: JsonPropertyOrder(IngestFigures.CountersOrder)] long Abandoned,
    [property: JsonPropertyOrder(IngestFigures.CountersOrder)] double ElapsedSeconds,
    [property: JsonPropertyOrder(IngestFigures.CountersOrder)] double AcceptedPerSecond,
    [property: JsonPropertyOrder(IngestFigures.LatencyOrder)] double LatencyP50Ms,
    [property: JsonPropertyOrder(IngestFigures.LatencyOrder)] double LatencyP90Ms,
    [property: JsonPropertyOrder(IngestFigures.LatencyOrder)] double LatencyP99Ms,
    [property: JsonPropertyOrder(IngestFigures.LatencyOrder)] double LatencyMaxMs)
{
    public const int CountersOrder = 1;

    /// <summary>For a rate a result writes between the accepted rate and the latencies.</summary>
    public const int RatesOrder = 2;

    public const int LatencyOrder = 3;

    /// <summary>For the fields a result writes after the latencies.</summary>
    public const int TrailingOrder = 4;

    /// <summary>Nothing failed and the gateway found no reading invalid: the part of a verdict every result shares.</summary>
    [JsonIgnore]
    public bool Clean => Failed == 0 && Rejected == 0;

    /// <remarks>Not named From: backfill's result has a From field, which an inherited From would clash with.</remarks>
    public static IngestFigures Snapshot(IngestCounters counters, LatencyHistogram latency, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(latency);
        return new IngestFigures(
            counters.Requests, counters.Accepted, counters.Duplicates, counters.Rejected, counters.Retried, counters.Failed, counters.Abandoned,
            Math.Round(elapsed.TotalSeconds, 3), Math.Round(Figures.PerSecond(counters.Accepted, elapsed), 1),
            latency.PercentileMilliseconds(50), latency.PercentileMilliseconds(90), latency.PercentileMilliseconds(99), latency.MaxMilliseconds);
    }
}
