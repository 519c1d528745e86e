namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>A BMS site's configuration: what is installed where, and how its simulation runs.</summary>
[GenerateSerializer, Immutable, Alias("ea.SiteConfig")]
public sealed record SiteConfig(
    [property: Id(0)] string Name,
    [property: Id(1)] string Type,
    [property: Id(2)] double Latitude,
    [property: Id(3)] double Longitude,
    [property: Id(4)] string TimeZone,
    [property: Id(5)] double BatteryCapacityKwh,
    [property: Id(6)] double BatteryMaxPowerKw,
    [property: Id(7)] double SolarCapacityKw,
    [property: Id(8)] double InverterCapacityKw,
    [property: Id(9)] int IntervalMinutes,
    [property: Id(10)] bool Simulate,
    [property: Id(11)] bool Running,
    [property: Id(12)] long Seed,
    [property: Id(13)] SiteLoadProfile? LoadProfile,
    [property: Id(14)] double? Tilt = null,
    [property: Id(15)] double? Azimuth = null,
    [property: Id(16)] string? WeatherFile = null,
    [property: Id(17)] double? AnnualConsumptionKwh = null);
