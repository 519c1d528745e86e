namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>Fields a PATCH may change; null leaves a field as it is. Applied at the next tick, without a restart.</summary>
[GenerateSerializer, Immutable, Alias("ea.SitePatch")]
public sealed record SitePatch(
    [property: Id(0)] string? Name,
    [property: Id(1)] int? IntervalMinutes,
    [property: Id(2)] bool? Running,
    [property: Id(3)] double? BatteryMaxPowerKw,
    [property: Id(4)] double? SolarCapacityKw,
    [property: Id(5)] double? InverterCapacityKw,
    [property: Id(6)] SiteLoadProfile? LoadProfile,
    [property: Id(7)] bool ClearLoadProfile,
    [property: Id(8)] double? Tilt = null,
    [property: Id(9)] double? Azimuth = null,
    [property: Id(10)] string? WeatherFile = null,
    [property: Id(11)] bool ClearWeatherFile = false,
    [property: Id(12)] double? AnnualConsumptionKwh = null);
