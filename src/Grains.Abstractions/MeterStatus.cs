namespace EnergyActors.Grains.Abstractions;

/// <summary>The meter reading with the newest timestamp, as held in the meter grain's memory.</summary>
[GenerateSerializer, Immutable, Alias("ea.MeterStatus")]
public sealed record MeterStatus(
    [property: Id(0)] string MeterId,
    [property: Id(1)] MeterReading Latest);
