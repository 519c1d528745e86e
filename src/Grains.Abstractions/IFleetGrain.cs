namespace EnergyActors.Grains.Abstractions;

/// <summary>Merges the fleet index shards into one view (a stateless worker).</summary>
[Alias("ea.IFleetGrain")]
public interface IFleetGrain : IGrainWithIntegerKey
{
    [Alias("Query")]
    Task<FleetView> Query(HealthStatus? status, int limit);
}
