namespace EnergyActors.Grains.Abstractions;

/// <summary>A smart meter's AC reading for one interval, keyed by (meter, timestamp).</summary>
[GenerateSerializer, Immutable, Alias("ea.MeterReading")]
public sealed record MeterReading(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] double KwhConsumedAc,
    [property: Id(2)] double Voltage,
    [property: Id(3)] string? VehicleId);
