namespace EnergyActors.Grains.Abstractions;

/// <summary>One meter reading's AC energy, attributed to a vehicle, as the vehicle's window needs it.</summary>
/// <remarks>The alias is its former name's, AcEnergy, which is how it travels between silos.</remarks>
[GenerateSerializer, Immutable, Alias("ea.AcEnergy")]
public readonly record struct MeterEnergy(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] double KwhConsumedAc);
