namespace EnergyActors.Grains.Abstractions;

/// <summary>A meter (a charger) linked to a vehicle: its readings without a vehicleId are attributed to that vehicle.</summary>
[GenerateSerializer, Immutable, Alias("ea.MeterLink")]
public sealed record MeterLink(
    [property: Id(0)] string VehicleId,
    [property: Id(1)] string MeterId,
    [property: Id(2)] DateTimeOffset LinkedAt);
