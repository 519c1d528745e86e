namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// One shard of the in-memory fleet index (see <see cref="Index"/>): vehicles report their
/// performance here when it changes, so the fleet view never scans grains or history.
/// </summary>
[Alias("ea.IFleetIndexGrain")]
public interface IFleetIndexGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Vehicle ids over 16 shards.</summary>
    public static ShardedIndex<IFleetIndexGrain> Index { get; } = new(16);

    [Alias("Report")]
    Task Report(FleetEntry entry);

    [Alias("Query")]
    Task<FleetView> Query(HealthStatus? status, int limit);
}
