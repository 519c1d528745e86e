namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// One shard of the in-memory fleet index (key 0..<see cref="Shards"/>-1): vehicles report their
/// performance here when it changes, so the fleet view never scans grains or history.
/// </summary>
[Alias("ea.IFleetIndexGrain")]
public interface IFleetIndexGrain : IGrainWithIntegerKey
{
    public const int Shards = 16;

    [Alias("Report")]
    Task Report(FleetEntry entry);

    [Alias("Query")]
    Task<FleetView> Query(HealthStatus? status, int limit);

    /// <summary>A stable shard for a vehicle id (string.GetHashCode differs between processes).</summary>
    public static int ShardOf(string vehicleId)
    {
        ArgumentNullException.ThrowIfNull(vehicleId);
        var hash = 2166136261u;
        foreach (var c in vehicleId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Shards);
    }
}
