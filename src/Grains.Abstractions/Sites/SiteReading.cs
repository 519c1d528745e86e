namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>
/// One site interval, keyed by (site, timestamp = the END of the interval). kW figures are the interval's
/// averages; the kWh figures are what rollups add up. Simulated or sent by a real site.
/// </summary>
[GenerateSerializer, Immutable, Alias("ea.SiteReading")]
public sealed record SiteReading(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] double IntervalMinutes,
    [property: Id(2)] double SolarKw,
    [property: Id(3)] double LoadKw,
    [property: Id(4)] double BatteryKw,
    [property: Id(5)] double GridImportKw,
    [property: Id(6)] double GridExportKw,
    [property: Id(7)] double Soc,
    [property: Id(8)] double BatteryTemperatureC,
    [property: Id(9)] double BatteryVoltage,
    [property: Id(10)] double BatteryHealthPercent,
    [property: Id(11)] double CycleCount,
    [property: Id(12)] double InverterAcKw,
    [property: Id(13)] double InverterDcKw,
    [property: Id(14)] double InverterEfficiency,
    [property: Id(15)] double InverterTemperatureC,
    [property: Id(16)] double WeatherTemperatureC,
    [property: Id(17)] double IrradianceWm2,
    [property: Id(18)] double CloudCoverPercent,
    [property: Id(19)] string WeatherSource,
    [property: Id(20)] double UnservedKw)
{
    public double Hours => IntervalMinutes / 60d;
}
