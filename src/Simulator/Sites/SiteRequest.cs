namespace EnergyActors.Simulator.Sites;

/// <summary>The body of <c>POST /v1/sites</c>, field for field as the contract names them.</summary>
internal sealed record SiteRequest(
    string SiteId,
    string Name,
    string Type,
    double Latitude,
    double Longitude,
    string TimeZone,
    double BatteryCapacityKwh,
    double BatteryMaxPowerKw,
    double SolarCapacityKw,
    double InverterCapacityKw,
    int IntervalMinutes,
    bool Simulate,
    long Seed);
