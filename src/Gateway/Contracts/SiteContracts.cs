using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Sites;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;
using Microsoft.AspNetCore.Mvc;

namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of POST /v1/sites: a site's configuration. Fields left out take the defaults shown.</summary>
public sealed record SiteCreateRequest : IBodyContract<SiteCreateRequest>
{
    /// <summary>1 to 64 characters of [A-Za-z0-9._:-]; a random id is given when left out.</summary>
    public string? SiteId { get; init; }

    /// <summary>1 to 200 characters of text.</summary>
    [JsonRequired]
    public string Name { get; init; } = string.Empty;

    /// <summary>residential, commercial or industrial: the load the site simulates.</summary>
    [JsonRequired]
    public string Type { get; init; } = string.Empty;

    /// <summary>Degrees, −90 to 90.</summary>
    [JsonRequired]
    public double Latitude { get; init; }

    /// <summary>Degrees, −180 to 180.</summary>
    [JsonRequired]
    public double Longitude { get; init; }

    /// <summary>An IANA time zone id such as Europe/Berlin.</summary>
    [JsonRequired]
    public string TimeZone { get; init; } = string.Empty;

    /// <summary>kWh, 0.001 to 1,000,000.</summary>
    [JsonRequired]
    public double BatteryCapacityKwh { get; init; }

    /// <summary>kW, 0.001 to 1,000,000.</summary>
    [JsonRequired]
    public double BatteryMaxPowerKw { get; init; }

    /// <summary>kW (peak), 0 to 1,000,000.</summary>
    [JsonRequired]
    public double SolarCapacityKw { get; init; }

    /// <summary>kW, 0.001 to 1,000,000.</summary>
    [JsonRequired]
    public double InverterCapacityKw { get; init; }

    /// <summary>Minutes between intervals, 1 to 60.</summary>
    [DefaultValue(SiteRequestParser.DefaultIntervalMinutes)]
    public int? IntervalMinutes { get; init; }

    /// <summary>Whether the site is simulated (true) or takes readings from a real site through POST /v1/telemetry/site.</summary>
    [DefaultValue(true)]
    public bool? Simulate { get; init; }

    /// <summary>Whether the simulation runs; a stopped site keeps its configuration and history.</summary>
    [DefaultValue(true)]
    public bool? Running { get; init; }

    /// <summary>The simulation's randomness derives from the configuration and this seed only; random when left out.</summary>
    public long? Seed { get; init; }

    /// <summary>The shape of the site's load over a day; the type's default when left out.</summary>
    public LoadProfileBody? LoadProfile { get; init; }

    /// <summary>The PV array's tilt from horizontal, 0 to 90 degrees; the latitude (at most 60) when left out.</summary>
    public double? Tilt { get; init; }

    /// <summary>The compass direction the array faces, 0 to 360 degrees (180 = south); towards the equator when left out.</summary>
    public double? Azimuth { get; init; }

    /// <summary>kWh a year, apart from weather-driven heating and cooling, shaped by the type's BDEW profile; sized from the equipment when left out.</summary>
    public double? AnnualConsumptionKwh { get; init; }

    /// <summary>A typical-year EPW file in the silos' weather directory (such as berlin.epw) to run on instead of synthetic weather.</summary>
    public string? WeatherFile { get; init; }

    static string IBodyContract<SiteCreateRequest>.Example => "{\"name\": \"...\", \"type\": \"residential\", ...}";

    static SiteCreateRequest? IBodyContract<SiteCreateRequest>.Read(JsonElement body, List<FieldError> errors, IServiceProvider services) =>
        SiteRequestParser.ReadCreate(body, errors);

    /// <summary>The configuration to register, the defaults filled in.</summary>
    public SiteConfig ToConfig() => new(
        Name,
        Type,
        Latitude,
        Longitude,
        TimeZone,
        BatteryCapacityKwh,
        BatteryMaxPowerKw,
        SolarCapacityKw,
        InverterCapacityKw,
        IntervalMinutes ?? SiteRequestParser.DefaultIntervalMinutes,
        Simulate ?? true,
        Running ?? true,
        Seed ?? Random.Shared.NextInt64(0, long.MaxValue),
        LoadProfile?.ToProfile(),
        Tilt,
        Azimuth,
        WeatherFile,
        AnnualConsumptionKwh);
}

/// <summary>The body of PATCH /v1/sites/{siteId}: any of these fields, applied at the site's next interval.</summary>
public sealed record SitePatchRequest : IBodyContract<SitePatchRequest>
{
    /// <summary>1 to 200 characters of text.</summary>
    public string? Name { get; init; }

    /// <summary>Minutes between intervals, 1 to 60.</summary>
    public int? IntervalMinutes { get; init; }

    /// <summary>false stops the simulation, true resumes it.</summary>
    public bool? Running { get; init; }

    /// <summary>kW, 0.001 to 1,000,000.</summary>
    public double? BatteryMaxPowerKw { get; init; }

    /// <summary>kW (peak), 0 to 1,000,000.</summary>
    public double? SolarCapacityKw { get; init; }

    /// <summary>kW, 0.001 to 1,000,000.</summary>
    public double? InverterCapacityKw { get; init; }

    /// <summary>A new load profile; null returns the site to its type's default.</summary>
    public LoadProfileBody? LoadProfile { get; init; }

    /// <summary>The PV array's tilt from horizontal, 0 to 90 degrees.</summary>
    public double? Tilt { get; init; }

    /// <summary>The compass direction the array faces, 0 to 360 degrees (180 = south).</summary>
    public double? Azimuth { get; init; }

    /// <summary>kWh a year, apart from weather-driven heating and cooling.</summary>
    public double? AnnualConsumptionKwh { get; init; }

    /// <summary>A weather file to run on; null returns the site to synthetic weather.</summary>
    public string? WeatherFile { get; init; }

    /// <summary>The body held <c>"weatherFile": null</c>.</summary>
    internal bool ClearsWeatherFile { get; init; }

    /// <summary>The body held <c>"loadProfile": null</c>, which differs from leaving it out.</summary>
    internal bool ClearsLoadProfile { get; init; }

    static string IBodyContract<SitePatchRequest>.Example => "{\"intervalMinutes\": 1, \"running\": false}";

    static SitePatchRequest? IBodyContract<SitePatchRequest>.Read(JsonElement body, List<FieldError> errors, IServiceProvider services) =>
        SiteRequestParser.ReadPatch(body, errors);

    public SitePatch ToPatch() =>
        new(Name, IntervalMinutes, Running, BatteryMaxPowerKw, SolarCapacityKw, InverterCapacityKw, LoadProfile?.ToProfile(), ClearsLoadProfile, Tilt, Azimuth, WeatherFile, ClearsWeatherFile, AnnualConsumptionKwh);
}

/// <summary>How a site's load is spread over a day: 24 hourly weights (0 to 1000, not all zero) for weekdays and for weekends.</summary>
public sealed record LoadProfileBody(IReadOnlyList<double> Weekday, IReadOnlyList<double> Weekend)
{
    public SiteLoadProfile ToProfile() => new(Weekday, Weekend);
}

/// <summary>The body of POST /v1/sites/{siteId}/events/outage.</summary>
public sealed record SiteOutageRequest : IBodyContract<SiteOutageRequest>
{
    private const int MaxMinutes = 10_080;

    /// <summary>How long the grid is out, 1 to 10080 minutes (a week).</summary>
    [JsonRequired]
    public int Minutes { get; init; }

    static string IBodyContract<SiteOutageRequest>.Example => "{\"minutes\": 60}";

    static SiteOutageRequest? IBodyContract<SiteOutageRequest>.Read(JsonElement body, List<FieldError> errors, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!body.TryGetProperty("minutes", out var value) || value.ValueKind != JsonValueKind.Number
            || !value.TryGetInt32(out var minutes) || minutes is < 1 or > MaxMinutes)
        {
            errors.Add(new FieldError("minutes", $"'minutes' must be a whole number from 1 to {MaxMinutes}."));
            return null;
        }

        return new SiteOutageRequest { Minutes = minutes };
    }
}

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
    double Tilt,
    double Azimuth,
    string? WeatherFile,
    double? AnnualConsumptionKwh,
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
            c.Tilt ?? SiteArray.DefaultTilt(c.Latitude),
            c.Azimuth ?? SiteArray.DefaultAzimuth(c.Latitude),
            c.WeatherFile,
            c.AnnualConsumptionKwh,
            site.CreatedAt.UtcDateTime, site.OutageUntil?.UtcDateTime);
    }
}

/// <summary>The query of GET /v1/sites: a page of sites in id order.</summary>
public sealed class SiteListParameters : IIdFirstQuery
{
    public const int MaxLimit = 1_000;

    [Description("The page after this site id: the next of the previous page.")]
    [FromQuery(Name = "after")]
    [DeviceIdText]
    public string? After { get; init; }

    [Description("At most this many sites, 1 to 1000 (default 100).")]
    [FromQuery(Name = "limit")]
    [WholeNumber(1, MaxLimit)]
    public string? Limit { get; init; }

    public int Take => Limit is null ? 100 : int.Parse(Limit, CultureInfo.InvariantCulture);

    string? IIdFirstQuery.FirstInvalidId => After is null || DeviceId.IsValid(After) ? null : "after";
}

/// <summary>A page of sites in id order; <c>next</c> is the <c>after</c> of the next page, null on the last.</summary>
public sealed record SiteListResponse(IReadOnlyList<SiteResponse> Sites, string? Next);
