using EnergyActors.Grains.Abstractions;
using Orleans.Concurrency;

namespace EnergyActors.Grains;

/// <summary>Asks every fleet index shard at once and merges their answers; stateless, so any silo serves it locally.</summary>
[StatelessWorker]
public sealed class FleetGrain : Grain, IFleetGrain
{
    public async Task<FleetView> Query(HealthStatus? status, int limit)
    {
        var shards = await IFleetIndexGrain.Index.QueryAll(GrainFactory, shard => shard.Query(status, limit));
        return FleetRanking.Merge(shards, limit);
    }
}
