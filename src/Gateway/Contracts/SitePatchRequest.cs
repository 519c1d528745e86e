namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of PATCH /v1/sites/{siteId}: any of these fields; a null loadProfile returns to the type's default.</summary>
public sealed record SitePatchRequest(
    string? Name,
    int? IntervalMinutes,
    bool? Running,
    double? BatteryMaxPowerKw,
    double? SolarCapacityKw,
    double? InverterCapacityKw,
    LoadProfileBody? LoadProfile);
