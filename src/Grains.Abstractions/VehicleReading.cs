namespace EnergyActors.Grains.Abstractions;

/// <summary>A vehicle's DC reading for one interval, keyed by (vehicle, timestamp).</summary>
[GenerateSerializer, Immutable, Alias("ea.VehicleReading")]
public sealed record VehicleReading(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] double Soc,
    [property: Id(2)] double KwhDeliveredDc,
    [property: Id(3)] double BatteryTemp);
