namespace EnergyActors.Simulator.Backfill;

/// <summary>
/// The validated settings of one <c>backfill</c> run: <see cref="Vehicles"/> vehicles and as many meters,
/// one reading per minute each for the <see cref="Hours"/> hours ending at <see cref="End"/> (a whole minute).
/// </summary>
internal sealed record BackfillOptions(
    Uri Gateway,
    int Vehicles,
    int Hours,
    DateTimeOffset End,
    int BatchSize,
    int Concurrency,
    long Seed,
    string Prefix,
    string? JsonPath)
{
    public long MinutesPerDevice => Hours * 60L;

    public DateTimeOffset First => End - TimeSpan.FromMinutes(MinutesPerDevice - 1);

    /// <summary>A meter and a vehicle reading per minute per vehicle.</summary>
    public long Readings => Vehicles * MinutesPerDevice * 2;
}
