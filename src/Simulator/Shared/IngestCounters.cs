using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace EnergyActors.Simulator.Shared;

/// <summary>Running totals of one phase, updated by every worker and read by the progress display.</summary>
internal sealed class IngestCounters
{
    private long _sent;
    private long _requests;
    private long _accepted;
    private long _duplicates;
    private long _rejected;
    private long _retried;
    private long _failed;
    private long _abandoned;

    /// <summary>Readings handed to the gateway, each counted once however often a 503 made it resend them.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>HTTP attempts, including the 503s that were retried.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Batch items the gateway named as invalid in a 200: the generator made a bad reading.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>503 answers, each followed by a retry of the same payload (unless the run was stopping).</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Requests answered with another non-200 status, or that got no answer (connection error, timeout).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Readings refused with a 503 whose retry the stop cut off: never acknowledged, so never counted.</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    public FailureSamples Samples { get; } = new();

    public void Posting(int readings) => Interlocked.Add(ref _sent, readings);

    public void Attempted() => Interlocked.Increment(ref _requests);

    public void Succeeded(IngestResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Interlocked.Add(ref _accepted, response.Accepted);
        Interlocked.Add(ref _duplicates, response.Duplicates);
        if (response.Rejected > 0)
        {
            Interlocked.Add(ref _rejected, response.Rejected);
            foreach (var error in response.Errors ?? [])
            {
                Samples.Add($"batch item {error.Index} rejected: {error.Field}: {error.Message}");
            }
        }
    }

    public void BackPressured() => Interlocked.Increment(ref _retried);

    public void Fail(string description)
    {
        Interlocked.Increment(ref _failed);
        Samples.Add(description);
    }

    public void Abandon(int readings) => Interlocked.Add(ref _abandoned, readings);
}

/// <summary>The first few failure descriptions: enough to diagnose, without flooding the output.</summary>
internal sealed class FailureSamples(int capacity = 5)
{
    private const int MaxLength = 500;
    private readonly ConcurrentQueue<string> _samples = new();
    private int _taken;

    public IReadOnlyCollection<string> Items => _samples;

    public void Add(string description)
    {
        if (Interlocked.Increment(ref _taken) <= capacity)
        {
            _samples.Enqueue(description.Length > MaxLength ? string.Concat(description.AsSpan(0, MaxLength), " …") : description);
        }
    }
}

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
