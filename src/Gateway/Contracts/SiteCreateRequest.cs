namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of POST /v1/sites, as documented in OpenAPI (the parser validates the raw JSON).</summary>
public sealed record SiteCreateRequest(
    string? SiteId,
    string Name,
    string Type,
    double Latitude,
    double Longitude,
    string TimeZone,
    double BatteryCapacityKwh,
    double BatteryMaxPowerKw,
    double SolarCapacityKw,
    double InverterCapacityKw,
    int? IntervalMinutes,
    bool? Simulate,
    bool? Running,
    long? Seed,
    LoadProfileBody? LoadProfile);
