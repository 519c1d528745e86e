using System.ComponentModel.DataAnnotations;

namespace EnergyActors.Grains;

/// <summary>Vehicle efficiency analytics (configuration section <c>Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>Window bucket size; the 24 h window moves in whole buckets. Must divide a day.</summary>
    [Range(1, 3_600)]
    public int BucketSeconds { get; set; } = 60;

    /// <summary>How soon after a change a vehicle reports to the fleet index (reports are coalesced).</summary>
    [Range(0, 60_000)]
    public int FleetReportDelayMilliseconds { get; set; } = 1_000;
}
