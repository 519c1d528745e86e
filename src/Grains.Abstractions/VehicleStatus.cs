namespace EnergyActors.Grains.Abstractions;

/// <summary>The vehicle reading with the newest timestamp, as held in the vehicle grain's memory.</summary>
[GenerateSerializer, Immutable, Alias("ea.VehicleStatus")]
public sealed record VehicleStatus(
    [property: Id(0)] string VehicleId,
    [property: Id(1)] VehicleReading Latest);
