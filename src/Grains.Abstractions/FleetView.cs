namespace EnergyActors.Grains.Abstractions;

/// <summary>Vehicles per verdict, and the worst vehicles first (lowest ratio; no data last).</summary>
[GenerateSerializer, Immutable, Alias("ea.FleetView")]
public sealed record FleetView(
    [property: Id(0)] IReadOnlyDictionary<HealthStatus, int> Counts,
    [property: Id(1)] IReadOnlyList<FleetEntry> Worst);
