using EnergyActors.Grains.Abstractions.Sites;

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

/// <summary>The body of PATCH /v1/sites/{siteId}: any of these fields; a null loadProfile returns to the type's default.</summary>
public sealed record SitePatchRequest(
    string? Name,
    int? IntervalMinutes,
    bool? Running,
    double? BatteryMaxPowerKw,
    double? SolarCapacityKw,
    double? InverterCapacityKw,
    LoadProfileBody? LoadProfile);

/// <summary>24 hourly weights for weekdays and for weekends.</summary>
public sealed record LoadProfileBody(IReadOnlyList<double> Weekday, IReadOnlyList<double> Weekend);

/// <summary>The body of POST /v1/sites/{siteId}/replay: the past period to simulate.</summary>
public sealed record SiteReplayRequest(DateTimeOffset From, DateTimeOffset To);

/// <summary>The body of POST /v1/sites/{siteId}/events/outage.</summary>
public sealed record SiteOutageRequest(int Minutes);

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

/// <summary>A page of sites in id order; <c>next</c> is the <c>after</c> of the next page, null on the last.</summary>
public sealed record SiteListResponse(IReadOnlyList<SiteResponse> Sites, string? Next);

/// <summary>A replay's progress.</summary>
public sealed record SiteReplayResponse(string SiteId, DateTime From, DateTime To, int IntervalsDone, int IntervalsTotal, string State, string? Error)
{
    public static SiteReplayResponse Of(string siteId, SiteReplay r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new SiteReplayResponse(siteId, r.From.UtcDateTime, r.To.UtcDateTime, r.IntervalsDone, r.IntervalsTotal, r.State, r.Error);
    }
}
