using System.ComponentModel.DataAnnotations;

namespace EnergyActors.Silo.History;

/// <summary>Group-commit tuning for the per-silo history writer (configuration section <c>History:Writer</c>).</summary>
public sealed class HistoryWriterOptions
{
    public const string SectionName = "History:Writer";

    /// <summary>A batch is flushed as soon as it holds this many rows.</summary>
    [Range(1, 100_000)]
    public int MaxBatchRows { get; set; } = 5_000;

    /// <summary>...or this long after its first row arrived, whichever comes first.</summary>
    [Range(0, 1_000)]
    public int MaxBatchDelayMilliseconds { get; set; } = 2;

    /// <summary>Rows queued or in flight beyond which new writes are refused with back-pressure (503).</summary>
    [Range(1, 10_000_000)]
    public int QueueCapacityRows { get; set; } = 200_000;

    /// <summary>Connections flushing concurrently; while one commits, the next batch fills.</summary>
    [Range(1, 16)]
    public int Writers { get; set; } = 2;

    /// <summary>
    /// COPY a batch's meter and vehicle rows straight into history, betting that none is stored yet, and stage and
    /// deduplicate them only when the bet is lost (a unique violation). Off: always stage (the slower, older path).
    /// </summary>
    public bool DirectCopy { get; set; } = true;

    /// <summary>After a table's direct COPY met a stored key, how many of its next batches are staged before betting again.</summary>
    [Range(0, 100_000)]
    public int StagedBatchesAfterConflict { get; set; } = 32;

    /// <summary>What a refused caller is told to wait, in seconds (the HTTP Retry-After).</summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Pause after a failed flush before the next attempt, so a dead database is not hammered.</summary>
    [Range(0, 60_000)]
    public int FailureBackoffMilliseconds { get; set; } = 250;
}
