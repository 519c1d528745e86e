using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Gateway.Contracts;

/// <summary>A registered site: its configuration, when it was created, and a running outage if any.</summary>
public sealed record SiteResponse(
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
    bool Running,
    long Seed,
    LoadProfileBody? LoadProfile,
    DateTime CreatedAt,
    DateTime? OutageUntil)
{
    public static SiteResponse From(SiteInfo site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var c = site.Config;
        return new SiteResponse(
            site.SiteId, c.Name, c.Type, c.Latitude, c.Longitude, c.TimeZone, c.BatteryCapacityKwh, c.BatteryMaxPowerKw, c.SolarCapacityKw,
            c.InverterCapacityKw, c.IntervalMinutes, c.Simulate, c.Running, c.Seed,
            c.LoadProfile is { } p ? new LoadProfileBody(p.Weekday, p.Weekend) : null,
            site.CreatedAt.UtcDateTime, site.OutageUntil?.UtcDateTime);
    }
}
