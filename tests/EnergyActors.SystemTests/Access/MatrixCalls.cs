using System.Net;

namespace EnergyActors.Tests.Access;

/// <summary>
/// One call of every operation, in an order in which each succeeds for a role allowed it (a site is created before it
/// is read, a link before it is removed), on ids of the role's own so that the roles' calls do not meet.
/// </summary>
public static class MatrixCalls
{
    private const string Ts = "2026-01-31T14:00:00Z";

    /// <summary>Which policy an operation is under.</summary>
    public enum Need
    {
        /// <summary>Any key, whatever its role.</summary>
        AnyKey,
        Ingest,
        Operate,
        Administer,
    }

    public sealed record MatrixCall(HttpMethod Method, string Template, string Path, string? Body, Need Need, HttpStatusCode Success, string? MediaType = null);

    /// <summary>The calls for <paramref name="role"/>'s key of <paramref name="fleet"/>; <paramref name="keyId"/> is a key of the fleet they may read and revoke.</summary>
    public static IReadOnlyList<MatrixCall> For(string fleet, string role, string keyId)
    {
        var suffix = $"{role}-{Guid.NewGuid():N}"[..16];
        var (meter, vehicle, site, newFleet) = ($"MX-M-{suffix}", $"MX-V-{suffix}", $"mx-s-{suffix}", $"mx-f-{suffix}");
        var siteBody = $$"""
            {"siteId":"{{site}}","name":"matrix","type":"residential","latitude":52.52,"longitude":13.405,"timeZone":"Europe/Berlin",
             "batteryCapacityKwh":10,"batteryMaxPowerKw":5,"solarCapacityKw":8,"inverterCapacityKw":6,"simulate":false}
            """;
        var siteReading = $$$"""
            {"siteId":"{{{site}}}","timestamp":"{{{Ts}}}","intervalMinutes":5,"solarKw":3.2,"loadKw":1.1,"batteryKw":1.5,"gridImportKw":0,"gridExportKw":0.6,
             "battery":{"soc":64,"temperatureC":27,"voltage":51.2,"healthPercent":98.5,"cycleCount":112},
             "inverter":{"acKw":3.0,"dcKw":3.2,"efficiency":0.95,"temperatureC":41},"weather":{"temperatureC":8,"irradianceWm2":420,"cloudCoverPercent":20,"source":"site"}}
            """;
        var ok = HttpStatusCode.OK;
        return
        [
            new(HttpMethod.Post, "/v1/sites", "/v1/sites", siteBody, Need.Operate, HttpStatusCode.Created),
            new(HttpMethod.Post, "/v1/telemetry/meter", "/v1/telemetry/meter", Http.Json.Meter(meter, Ts), Need.Ingest, ok),
            new(HttpMethod.Post, "/v1/telemetry/vehicle", "/v1/telemetry/vehicle", Http.Json.Vehicle(vehicle, Ts), Need.Ingest, ok),
            new(HttpMethod.Post, "/v1/telemetry/site", "/v1/telemetry/site", siteReading, Need.Ingest, ok),
            new(HttpMethod.Post, "/v1/telemetry/batch", "/v1/telemetry/batch",
                $"[{Http.Json.Meter(meter, "2026-01-31T14:01:00Z").Insert(1, "\"type\":\"meter\",")},{Http.Json.Vehicle(vehicle, "2026-01-31T14:01:00Z").Insert(1, "\"type\":\"vehicle\",")}]",
                Need.Ingest, ok),
            new(HttpMethod.Get, "/v1/telemetry/meter/{meterId}/status", $"/v1/telemetry/meter/{meter}/status", null, Need.Operate, ok),
            new(HttpMethod.Get, "/v1/telemetry/vehicle/{vehicleId}/status", $"/v1/telemetry/vehicle/{vehicle}/status", null, Need.Operate, ok),
            new(HttpMethod.Put, "/v1/vehicles/{vehicleId}/meter", $"/v1/vehicles/{vehicle}/meter", $$"""{"meterId":"{{meter}}"}""", Need.Operate, ok),
            new(HttpMethod.Get, "/v1/vehicles/{vehicleId}/meter", $"/v1/vehicles/{vehicle}/meter", null, Need.Operate, ok),
            new(HttpMethod.Delete, "/v1/vehicles/{vehicleId}/meter", $"/v1/vehicles/{vehicle}/meter", null, Need.Operate, HttpStatusCode.NoContent),
            new(HttpMethod.Get, "/v1/analytics/performance/{vehicleId}", $"/v1/analytics/performance/{vehicle}", null, Need.Operate, ok),
            new(HttpMethod.Get, "/v1/analytics/performance/{vehicleId}/hourly", $"/v1/analytics/performance/{vehicle}/hourly", null, Need.Operate, ok),
            new(HttpMethod.Get, "/v1/analytics/fleet", "/v1/analytics/fleet", null, Need.Operate, ok),
            // A stream: the matrix reads its status line only.
            new(HttpMethod.Get, "/v1/events", "/v1/events", null, Need.Operate, ok),
            new(HttpMethod.Get, "/v1/caller", "/v1/caller", null, Need.AnyKey, ok),
            new(HttpMethod.Get, "/v1/alerts", "/v1/alerts", null, Need.Operate, ok),
            // No such alert in the fleet: the access decision comes first, then 404.
            new(HttpMethod.Post, "/v1/alerts/{alertId}/ack", "/v1/alerts/987654321/ack", """{"note":"matrix"}""", Need.Operate, HttpStatusCode.NotFound),
            new(HttpMethod.Get, "/v1/alert-rules", "/v1/alert-rules", null, Need.Operate, ok),
            new(HttpMethod.Post, "/v1/webhooks", "/v1/webhooks", """{"url":"https://example.com/hook","secret":"matrix-secret-0123456789"}""", Need.Operate, HttpStatusCode.Created),
            new(HttpMethod.Get, "/v1/webhooks", "/v1/webhooks", null, Need.Operate, ok),
            // Ids the fleet does not hold: the access decision comes first, then 404.
            new(HttpMethod.Get, "/v1/webhooks/{webhookId}", "/v1/webhooks/00000000deadbeef", null, Need.Operate, HttpStatusCode.NotFound),
            new(HttpMethod.Get, "/v1/webhooks/{webhookId}/deliveries", "/v1/webhooks/00000000deadbeef/deliveries", null, Need.Operate, HttpStatusCode.NotFound),
            new(HttpMethod.Delete, "/v1/webhooks/{webhookId}", "/v1/webhooks/00000000deadbeef", null, Need.Operate, HttpStatusCode.NotFound),
            new(HttpMethod.Put, "/v1/alert-rules", "/v1/alert-rules",
                """{"rules":[{"kind":"UNSERVED_LOAD","enabled":true,"severity":"major","threshold":0,"holdOffSeconds":0,"holdOffReadings":1,"clearSeconds":0}]}""", Need.Operate, ok),
            new(HttpMethod.Put, "/v1/weather-files/{name}", $"/v1/weather-files/{site}.epw", Weather.EpwFixture.Write(), Need.Operate, ok, "application/octet-stream"),
            new(HttpMethod.Get, "/v1/weather-files", "/v1/weather-files", null, Need.Operate, ok),
            new(HttpMethod.Delete, "/v1/weather-files/{name}", $"/v1/weather-files/{site}.epw", null, Need.Operate, HttpStatusCode.NoContent),
            new(HttpMethod.Get, "/v1/sites", "/v1/sites", null, Need.Operate, ok),
            new(HttpMethod.Get, "/v1/sites/{siteId}", $"/v1/sites/{site}", null, Need.Operate, ok),
            new(HttpMethod.Patch, "/v1/sites/{siteId}", $"/v1/sites/{site}", """{"name":"matrix, renamed"}""", Need.Operate, ok),
            new(HttpMethod.Get, "/v1/sites/{siteId}/status", $"/v1/sites/{site}/status", null, Need.Operate, ok),
            new(HttpMethod.Get, "/v1/sites/{siteId}/history", $"/v1/sites/{site}/history?from=2026-01-31T00:00:00Z&to=2026-02-01T00:00:00Z", null, Need.Operate, ok),
            new(HttpMethod.Post, "/v1/sites/{siteId}/replay", $"/v1/sites/{site}/replay", """{"from":"2026-01-01T00:00:00Z","to":"2026-01-01T01:00:00Z"}""", Need.Operate, HttpStatusCode.Accepted),
            new(HttpMethod.Get, "/v1/sites/{siteId}/replay", $"/v1/sites/{site}/replay", null, Need.Operate, ok),
            new(HttpMethod.Post, "/v1/sites/{siteId}/events/outage", $"/v1/sites/{site}/events/outage", """{"minutes":5}""", Need.Operate, ok),
            new(HttpMethod.Delete, "/v1/sites/{siteId}", $"/v1/sites/{site}", null, Need.Operate, HttpStatusCode.NoContent),
            new(HttpMethod.Get, "/v1/admin/fleets", "/v1/admin/fleets", null, Need.Administer, ok),
            new(HttpMethod.Post, "/v1/admin/fleets", "/v1/admin/fleets", $$"""{"fleetId":"{{newFleet}}","name":"made by {{role}}"}""", Need.Administer, HttpStatusCode.Created),
            new(HttpMethod.Get, "/v1/admin/fleets/{fleetId}", $"/v1/admin/fleets/{fleet}", null, Need.Administer, ok),
            new(HttpMethod.Patch, "/v1/admin/fleets/{fleetId}", $"/v1/admin/fleets/{fleet}", """{"rateLimits":null}""", Need.Administer, ok),
            new(HttpMethod.Get, "/v1/admin/audit", "/v1/admin/audit", null, Need.Administer, ok),
            new(HttpMethod.Post, "/v1/admin/dashboard-session", "/v1/admin/dashboard-session", null, Need.Administer, HttpStatusCode.NoContent),
            new(HttpMethod.Delete, "/v1/admin/dashboard-session", "/v1/admin/dashboard-session", null, Need.Administer, HttpStatusCode.NoContent),
            new(HttpMethod.Post, "/v1/admin/fleets/{fleetId}/keys", $"/v1/admin/fleets/{newFleet}/keys", """{"role":"device","name":"matrix"}""", Need.Administer, HttpStatusCode.Created),
            new(HttpMethod.Get, "/v1/admin/fleets/{fleetId}/keys", $"/v1/admin/fleets/{fleet}/keys", null, Need.Administer, ok),
            new(HttpMethod.Get, "/v1/admin/fleets/{fleetId}/keys/{keyId}", $"/v1/admin/fleets/{fleet}/keys/{keyId}", null, Need.Administer, ok),
            new(HttpMethod.Delete, "/v1/admin/fleets/{fleetId}/keys/{keyId}", $"/v1/admin/fleets/{fleet}/keys/{keyId}", null, Need.Administer, HttpStatusCode.NoContent),
        ];
    }
}
