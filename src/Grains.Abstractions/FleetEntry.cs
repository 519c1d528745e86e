namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// What the fleet view shows of one vehicle: its latest performance as the vehicle last reported it.
/// <see cref="Refreshed"/> is false for figures a restarted index shard loaded from storage and the
/// vehicle has not confirmed since: they were true at <see cref="ReportedAt"/>, and may have slid since.
/// </summary>
[GenerateSerializer, Immutable, Alias("ea.FleetEntry")]
public sealed record FleetEntry(
    [property: Id(0)] VehiclePerformance Performance,
    [property: Id(1)] DateTimeOffset ReportedAt,
    [property: Id(2)] bool Refreshed);
