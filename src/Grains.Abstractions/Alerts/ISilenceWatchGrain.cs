using Orleans.Concurrency;

namespace EnergyActors.Grains.Abstractions.Alerts;

/// <summary>
/// Notices devices that stopped reporting (DEVICE_SILENT): meters, vehicles and sites tell their fleet's watch shard
/// when they hear from them, at most once a minute, and the shard raises an alert for one silent longer than its
/// fleet's rule allows, and clears it when the device reports again.
/// </summary>
[Alias("ea.ISilenceWatchGrain")]
public interface ISilenceWatchGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>A fleet's devices over 8 shards; where a device lands is stored, so the count never changes.</summary>
    public static ShardedIndex<ISilenceWatchGrain> Watch { get; } = new(8);

    /// <summary>
    /// The device reported just now. <paramref name="expectedGapMinutes"/> is how long it may normally be quiet
    /// (a site's interval; 0 for meters and vehicles): it is silent only past twice that, whatever the rule says.
    /// </summary>
    [OneWay, Alias("Seen")]
    Task Seen(string deviceId, int expectedGapMinutes);

    /// <summary>When the device last reported, as the watch knows it (null: never, or forgotten).</summary>
    [ReadOnly, Alias("LastSeen")]
    Task<DateTimeOffset?> LastSeen(string deviceId);

    /// <summary>The device is meant to be quiet (a paused or deleted site): forget it, and clear its alert.</summary>
    [OneWay, Alias("Forget")]
    Task Forget(string deviceId);
}
