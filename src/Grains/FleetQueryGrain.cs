using EnergyActors.Grains.Abstractions;
using Orleans.Concurrency;

namespace EnergyActors.Grains;

/// <summary>Asks every fleet index shard at once and merges their answers; stateless, so any silo serves it locally.</summary>
/// <remarks>Grain type "fleet", as when it was FleetGrain: silos and gateways of the previous build in the same cluster use it.</remarks>
[GrainType("fleet")]
[StatelessWorker]
public sealed class FleetQueryGrain : Grain, IFleetQueryGrain
{
    public async Task<FleetView> Query(HealthStatus? status, int limit)
    {
        var shards = await IFleetIndexGrain.Index.QueryAll(GrainFactory, shard => shard.Query(status, limit));
        return FleetRanking.Merge(shards, limit);
    }
}
