namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// AC energy a meter just committed to history on a vehicle's behalf. <see cref="TransactionId"/> is the
/// committing PostgreSQL transaction, so a vehicle that rebuilt its window from a snapshot already
/// containing that commit does not count it twice.
/// </summary>
/// <remarks>The alias is its former name's, ChargerEnergy, which is how it travels between silos.</remarks>
[GenerateSerializer, Immutable, Alias("ea.ChargerEnergy")]
public sealed record CommittedMeterEnergy(
    [property: Id(0)] string MeterId,
    [property: Id(1)] ulong TransactionId,
    [property: Id(2)] IReadOnlyList<MeterEnergy> Readings);
