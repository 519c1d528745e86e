namespace EnergyActors.Grains.Abstractions;

/// <summary>What the fleet view shows of one vehicle: its latest performance as the vehicle last reported it.</summary>
[GenerateSerializer, Immutable, Alias("ea.FleetEntry")]
public sealed record FleetEntry(
    [property: Id(0)] VehiclePerformance Performance,
    [property: Id(1)] DateTimeOffset ReportedAt);
