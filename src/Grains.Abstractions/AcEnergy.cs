namespace EnergyActors.Grains.Abstractions;

/// <summary>One attributed AC meter reading's energy, as a vehicle's window needs it.</summary>
[GenerateSerializer, Immutable, Alias("ea.AcEnergy")]
public readonly record struct AcEnergy(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] double KwhConsumedAc);
