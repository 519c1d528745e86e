using System.Text;

namespace EnergyActors.Tests.Hostile;

/// <summary>
/// Hostile ids in paths (every route with an id) and hostile query parameters: encoded slashes and backslashes, dot
/// segments, ids one past the length limit, unicode look-alikes, invisible characters, and values out of range.
/// </summary>
public static class AddressCorpus
{
    private static readonly string[] BadIds =
    [
        "bad%20id", new('x', 65), "a%2Fb", "a%5Cb", "%C3%BC", "%FF", "%E2%80%AE", "%EF%BB%BF", "%25", "x%09y", "%7F", "a%3Fb", "%D0%B0", "%EF%BC%A1",
    ];

    private static readonly (string Method, string Template, string Field, string? Body)[] IdRoutes =
    [
        ("GET", "/v1/telemetry/meter/{id}/status", "meterId", null),
        ("GET", "/v1/telemetry/vehicle/{id}/status", "vehicleId", null),
        ("GET", "/v1/analytics/performance/{id}", "vehicleId", null),
        ("PUT", "/v1/vehicles/{id}/meter", "vehicleId", "{\"meterId\":\"{w}m\"}"),
        ("GET", "/v1/vehicles/{id}/meter", "vehicleId", null),
        ("DELETE", "/v1/vehicles/{id}/meter", "vehicleId", null),
        ("GET", "/v1/sites/{id}", "siteId", null),
        ("PATCH", "/v1/sites/{id}", "siteId", "{\"running\":false}"),
        ("DELETE", "/v1/sites/{id}", "siteId", null),
        ("GET", "/v1/sites/{id}/status", "siteId", null),
        ("GET", "/v1/sites/{id}/history", "siteId", null),
        ("POST", "/v1/sites/{id}/replay", "siteId", "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-01T01:00:00Z\"}"),
        ("GET", "/v1/sites/{id}/replay", "siteId", null),
        ("POST", "/v1/sites/{id}/events/outage", "siteId", "{\"minutes\":30}"),
    ];

    // Kestrel removes dot segments (also %2E-encoded ones) before routing, so these reach other routes, or none.
    private static readonly (string Method, string Path)[] DotSegments =
    [
        ("GET", "/v1/telemetry/meter/./status"), ("GET", "/v1/telemetry/meter/../status"), ("GET", "/v1/telemetry/vehicle/%2E%2E/status"),
        ("PUT", "/v1/vehicles/../meter"), ("GET", "/v1/vehicles/%2E/meter"), ("DELETE", "/v1/vehicles/%2e%2e/meter"), ("GET", "/v1/analytics/performance/.."),
        ("DELETE", "/v1/sites/.."), ("GET", "/v1/sites/./status"), ("POST", "/v1/sites/%2E%2E/replay"), ("GET", "/v1/sites/../history"),
    ];

    private static readonly string[] BadTimes =
    [
        "0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "2026-01-31T23:59:60Z", "2016-12-31T23:59:60%2B01:00",
        "2026-01-31", "2026-01-31T14:00:00", "%00", "2026-02-30T00:00:00Z", "yesterday",
    ];

    public static void AddTo(HostileCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        foreach (var (method, template, field, body) in IdRoutes)
        {
            foreach (var id in BadIds)
            {
                var w = corpus.NextWitness();
                var bytes = body is null ? null : Encoding.UTF8.GetBytes(body.Replace("{w}", w, StringComparison.Ordinal));
                var request = RawHttp.Request(method, template.Replace("{id}", id, StringComparison.Ordinal), bytes is null ? null : "application/json", bytes);
                corpus.Add($"{method} {template} with id {HostileCorpus.Show(id)}", request, Expectation.Invalid(field), BodyEndpoint.Witnesses(w));
            }
        }

        foreach (var (method, path) in DotSegments)
        {
            var body = method is "PUT" or "POST" ? "{}"u8.ToArray() : null;
            corpus.Add($"{method} {path}", RawHttp.Request(method, path, body is null ? null : "application/json", body), Expectation.Problem(404, string.Empty));
        }

        corpus.Add("GET a NUL in the path", RawHttp.Request("GET", "/v1/telemetry/meter/%00/status"), Expectation.KestrelRefusal);

        var site = corpus.FixtureSite;
        AddQueries(corpus, "/v1/alerts", "deviceId", [".", "..", "%00", new string('d', 65), "%C3%BC", "a%20b", "a%2Fb"]);
        AddQueries(corpus, "/v1/alerts", "active", ["maybe", "1", "%00", "TRUE%00", "%20false"]);
        AddQueries(corpus, "/v1/alerts", "limit", ["0", "-1", "1001", "1e3", "abc", "%00", "5%00", "5%20", "99999999999", "%EF%BC%91"]);
        AddQueries(corpus, "/v1/analytics/fleet", "status", ["BOGUS", "%00", "HEALTHY%00", "HEALTHY%20"]);
        AddQueries(corpus, "/v1/analytics/fleet", "limit", ["0", "1001", "-5"]);
        AddQueries(corpus, "/v1/sites", "after", [".", "..", "%00", new string('s', 65), "%E2%80%AE"]);
        AddQueries(corpus, "/v1/sites", "limit", ["0", "1001", "-5", "1.5", "5%00"]);
        AddQueries(corpus, $"/v1/sites/{site}/history", "from", BadTimes);
        AddQueries(corpus, $"/v1/sites/{site}/history", "to", ["0001-01-01T00:00:00Z", "2200-01-01T00:00:00Z", "2015-06-30T23:59:60%2B00:01", "%FF"]);
        AddQueries(corpus, $"/v1/sites/{site}/history", "resolution", ["5m", "RAW", "%00", "1h%00"]);
        AddQueries(corpus, $"/v1/sites/{site}/history", "limit", ["0", "10001", "x"]);
        corpus.Add("history from after to", RawHttp.Request("GET", $"/v1/sites/{site}/history?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"), Expectation.Invalid("from"));
    }

    private static void AddQueries(HostileCorpus corpus, string path, string parameter, string[] values)
    {
        foreach (var value in values)
        {
            corpus.Add($"GET {path}?{parameter}={HostileCorpus.Show(value)}", RawHttp.Request("GET", $"{path}?{parameter}={value}"), Expectation.Invalid(parameter));
        }
    }
}
