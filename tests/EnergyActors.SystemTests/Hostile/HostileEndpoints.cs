namespace EnergyActors.Tests.Hostile;

/// <summary>Every endpoint that takes a body, each with a valid body; the site endpoints act on the corpus's one fixture site.</summary>
public static class HostileEndpoints
{
    public const string Ts = "2026-01-31T14:00:00Z";

    public static IReadOnlyList<BodyEndpoint> All(string fixtureSite) =>
    [
        new("meter", "POST", _ => "/v1/telemetry/meter", BodyShape.Document, Meter, ["meterId", "vehicleId", "timestamp"]),
        new("vehicle", "POST", _ => "/v1/telemetry/vehicle", BodyShape.Document, Vehicle, ["vehicleId", "timestamp"]),
        new("site reading", "POST", _ => "/v1/telemetry/site", BodyShape.Document, SiteReading, ["siteId", "timestamp", "weather.source"]),
        new("batch meter", "POST", _ => "/v1/telemetry/batch", BodyShape.JsonBatch, w => [("type", "\"meter\""), .. Meter(w)], ["type", "meterId", "vehicleId", "timestamp"]),
        new("batch site", "POST", _ => "/v1/telemetry/batch", BodyShape.JsonBatch, w => [("type", "\"site\""), .. SiteReading(w)], ["siteId", "weather.source"]),
        new("ndjson vehicle", "POST", _ => "/v1/telemetry/batch", BodyShape.NdjsonBatch, w => [("type", "\"vehicle\""), .. Vehicle(w)], ["type", "vehicleId", "timestamp"]),
        new("site create", "POST", _ => "/v1/sites", BodyShape.Document, SiteCreate, ["siteId", "name", "type", "timeZone"]),
        new("site patch", "PATCH", _ => $"/v1/sites/{fixtureSite}", BodyShape.Document, SitePatch, ["name"]),
        new("site replay", "POST", _ => $"/v1/sites/{fixtureSite}/replay", BodyShape.Document, _ => [("from", "\"2026-01-01T00:00:00Z\""), ("to", "\"2026-01-01T01:00:00Z\"")], ["from", "to"]),
        new("site outage", "POST", _ => $"/v1/sites/{fixtureSite}/events/outage", BodyShape.Document, _ => [("minutes", "30")], []),
        new("meter link", "PUT", w => $"/v1/vehicles/{w}/meter", BodyShape.Document, w => [("meterId", $"\"{w}m\"")], ["meterId"]),
    ];

    public static BodyEndpoint Named(IReadOnlyList<BodyEndpoint> endpoints, string name) => endpoints.Single(e => e.Name == name);

    private static IReadOnlyList<(string, string)> Meter(string w) =>
        [("meterId", $"\"{w}\""), ("kwhConsumedAc", "1.5"), ("voltage", "230"), ("timestamp", $"\"{Ts}\""), ("vehicleId", $"\"{w}v\"")];

    private static IReadOnlyList<(string, string)> Vehicle(string w) =>
        [("vehicleId", $"\"{w}\""), ("soc", "50"), ("kwhDeliveredDc", "1.2"), ("batteryTemp", "25"), ("timestamp", $"\"{Ts}\"")];

    private static IReadOnlyList<(string, string)> SiteReading(string w) =>
    [
        ("siteId", $"\"{w}\""), ("timestamp", $"\"{Ts}\""), ("intervalMinutes", "5"), ("solarKw", "3"), ("loadKw", "2"), ("batteryKw", "1"),
        ("gridImportKw", "0"), ("gridExportKw", "0"), ("unservedKw", "0"),
        ("battery.soc", "60"), ("battery.temperatureC", "25"), ("battery.voltage", "400"), ("battery.healthPercent", "99"), ("battery.cycleCount", "10"),
        ("inverter.acKw", "3"), ("inverter.dcKw", "3.1"), ("inverter.efficiency", "0.96"), ("inverter.temperatureC", "40"),
        ("weather.temperatureC", "12"), ("weather.irradianceWm2", "400"), ("weather.cloudCoverPercent", "20"), ("weather.source", "\"site\""),
    ];

    private static IReadOnlyList<(string, string)> SiteCreate(string w) =>
    [
        ("siteId", $"\"{w}\""), ("name", "\"Hostile\""), ("type", "\"residential\""), ("latitude", "52.5"), ("longitude", "13.4"),
        ("timeZone", "\"Europe/Berlin\""), ("batteryCapacityKwh", "10"), ("batteryMaxPowerKw", "5"), ("solarCapacityKw", "8"),
        ("inverterCapacityKw", "6"), ("intervalMinutes", "5"), ("simulate", "true"), ("running", "false"), ("seed", "7"),
    ];

    // Every value differs from the fixture site's, so a PATCH taken by mistake shows in its configuration.
    private static IReadOnlyList<(string, string)> SitePatch(string w) =>
    [
        ("name", $"\"Patched {w}\""), ("intervalMinutes", "10"), ("running", "false"), ("batteryMaxPowerKw", "4"), ("solarCapacityKw", "7"),
        ("inverterCapacityKw", "5"),
    ];

    /// <summary>The fixture site's body: the same as a created site in the corpus, under its own id.</summary>
    public static string FixtureSiteJson(string siteId) =>
        $$"""{"siteId":"{{siteId}}","name":"Hostile fixture","type":"residential","latitude":52.5,"longitude":13.4,"timeZone":"Europe/Berlin","batteryCapacityKwh":10,"batteryMaxPowerKw":5,"solarCapacityKw":8,"inverterCapacityKw":6,"intervalMinutes":5,"running":false,"seed":7}""";
}
