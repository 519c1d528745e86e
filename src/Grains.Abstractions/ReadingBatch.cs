using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Grains.Abstractions;

/// <summary>Valid readings of one batch request, grouped by device.</summary>
[GenerateSerializer, Immutable, Alias("ea.ReadingBatch")]
public sealed record ReadingBatch(
    [property: Id(0)] IReadOnlyDictionary<string, MeterReading[]> Meters,
    [property: Id(1)] IReadOnlyDictionary<string, VehicleReading[]> Vehicles,
    [property: Id(2)] IReadOnlyDictionary<string, SiteReading[]> Sites);
