using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Access;
using Orleans.Concurrency;

namespace EnergyActors.Grains;

/// <summary>Asks every index shard of the calling fleet at once and merges their answers; stateless, so any silo serves it locally.</summary>
/// <remarks>Grain type "fleet", as when it was FleetGrain: silos and gateways of the previous build in the same cluster use it.</remarks>
[GrainType("fleet")]
[StatelessWorker]
public sealed class FleetQueryGrain : Grain, IFleetQueryGrain
{
    public async Task<FleetView> Query(HealthStatus? status, int limit)
    {
        var fleet = FleetAccess.OneFleet("see a fleet view");
        var shards = await IFleetIndexGrain.Index.QueryAll(GrainFactory, fleet, shard => shard.Query(status, limit));
        return FleetRanking.Merge(shards, limit);
    }
}
