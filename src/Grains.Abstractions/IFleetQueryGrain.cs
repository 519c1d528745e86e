namespace EnergyActors.Grains.Abstractions;

/// <summary>Merges the fleet index shards into one view (a stateless worker).</summary>
/// <remarks>The alias is its former name's, IFleetGrain: clients and silos identify the interface by it.</remarks>
[Alias("ea.IFleetGrain")]
public interface IFleetQueryGrain : IGrainWithIntegerKey
{
    [Alias("Query")]
    Task<FleetView> Query(HealthStatus? status, int limit);
}
