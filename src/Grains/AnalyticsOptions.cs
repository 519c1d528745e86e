using System.ComponentModel.DataAnnotations;

namespace EnergyActors.Grains;

/// <summary>Vehicle efficiency analytics (configuration section <c>Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>Window bucket size; the 24 h window moves in whole buckets. Must divide a day.</summary>
    [Range(1, 3_600)]
    public int BucketSeconds { get; set; } = 60;

    /// <summary>
    /// How far ahead of the clock a reading may be stamped and still be kept for when its bucket comes
    /// (the gateway refuses more than 5 minutes ahead). Each bucket of room costs every vehicle its five packed
    /// figures, about 8 bytes.
    /// </summary>
    [Range(0, 3_600)]
    public int MaxFutureSeconds { get; set; } = 360;

    /// <summary>How soon after a change a vehicle reports to the fleet index (reports are coalesced).</summary>
    [Range(0, 60_000)]
    public int FleetReportDelayMilliseconds { get; set; } = 1_000;

    /// <summary>
    /// How many vehicles per second a silo's fleet index shards wake after they activate, together, so their
    /// verdicts keep sliding. Each wake restores a stored window and reads back what was committed after it (a full
    /// rebuild from history when none is stored): waking thousands at once still costs PostgreSQL a scan of each
    /// window's index range, while vehicles that ingest or are queried wake by themselves anyway.
    /// </summary>
    [Range(1, 10_000)]
    public int FleetWakePerSecond { get; set; } = 20;

    /// <summary>
    /// How often a vehicle brings its stored window up to date (each at its own offset within the period, so a fleet's
    /// writes spread out), besides when it deactivates. A restart reads back from history only what came after.
    /// </summary>
    [Range(10, 86_400)]
    public int WindowStoreSeconds { get; set; } = 300;

    /// <summary>How often a fleet index shard writes the entries changed since its last write.</summary>
    [Range(100, 600_000)]
    public int FleetStoreMilliseconds { get; set; } = 2_000;
}
