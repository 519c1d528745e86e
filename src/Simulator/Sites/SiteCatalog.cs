using System.Globalization;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Sites;

/// <summary>
/// The demo sites: site i takes the (i−1)th type (residential, commercial, industrial, …) and the (i−1)th
/// location. 3 types and 8 locations are coprime, so every pairing turns up within 24 sites.
/// </summary>
internal static class SiteCatalog
{
    private const ulong SeedStream = 0x517E5_0001;

    private static readonly SiteKind[] Kinds =
    [
        new("residential", BatteryCapacityKwh: 10, BatteryMaxPowerKw: 5, SolarCapacityKw: 6, InverterCapacityKw: 5),
        new("commercial", BatteryCapacityKwh: 100, BatteryMaxPowerKw: 50, SolarCapacityKw: 80, InverterCapacityKw: 60),
        new("industrial", BatteryCapacityKwh: 500, BatteryMaxPowerKw: 250, SolarCapacityKw: 400, InverterCapacityKw: 300),
    ];

    private static readonly SiteLocation[] Locations =
    [
        new("Berlin", 52.5200, 13.4050, "Europe/Berlin"),
        new("Madrid", 40.4168, -3.7038, "Europe/Madrid"),
        new("Denver", 39.7392, -104.9903, "America/Denver"),
        new("Sydney", -33.8688, 151.2093, "Australia/Sydney"),
        new("Singapore", 1.3521, 103.8198, "Asia/Singapore"),
        new("Tokyo", 35.6762, 139.6503, "Asia/Tokyo"),
        new("Cape Town", -33.9249, 18.4241, "Africa/Johannesburg"),
        new("São Paulo", -23.5505, -46.6333, "America/Sao_Paulo"),
    ];

    public static SiteRequest Site(int number, long seed, int intervalMinutes)
    {
        var kind = Kinds[(number - 1) % Kinds.Length];
        var location = Locations[(number - 1) % Locations.Length];
        var id = string.Create(CultureInfo.InvariantCulture, $"demo-site-{number:D4}");
        var name = string.Create(CultureInfo.InvariantCulture, $"Demo {kind.Type} site {number:D4} ({location.City})");

        // 31 bits: a seed any client's integer type holds; derived from --seed so sites differ from each other.
        var siteSeed = (long)(StableHash.Of(seed, SeedStream, number) >> 33);
        return new SiteRequest(
            id, name, kind.Type, location.Latitude, location.Longitude, location.TimeZone,
            kind.BatteryCapacityKwh, kind.BatteryMaxPowerKw, kind.SolarCapacityKw, kind.InverterCapacityKw,
            intervalMinutes, Simulate: true, siteSeed);
    }
}

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

/// <summary>A site type with the equipment a typical installation of that size has.</summary>
internal sealed record SiteKind(string Type, double BatteryCapacityKwh, double BatteryMaxPowerKw, double SolarCapacityKw, double InverterCapacityKw);

/// <summary>A real place for a demo site, with its IANA time zone (the site's local day drives its sun and load).</summary>
internal sealed record SiteLocation(string City, double Latitude, double Longitude, string TimeZone);
