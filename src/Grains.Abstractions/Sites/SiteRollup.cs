namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>
/// The raw rows of one site with timestamp in [Start, Start + resolution): energies added up, kW as
/// time-weighted means (energy over the hours covered), SOC range and the row count.
/// </summary>
[GenerateSerializer, Immutable, Alias("ea.SiteRollup")]
public sealed record SiteRollup(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] double Hours,
    [property: Id(2)] double SolarKwh,
    [property: Id(3)] double LoadKwh,
    [property: Id(4)] double GridImportKwh,
    [property: Id(5)] double GridExportKwh,
    [property: Id(6)] double BatteryChargeKwh,
    [property: Id(7)] double BatteryDischargeKwh,
    [property: Id(8)] double SocMin,
    [property: Id(9)] double SocMax,
    [property: Id(10)] int Count);
