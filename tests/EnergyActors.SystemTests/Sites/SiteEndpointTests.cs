using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Sites;

/// <summary>/v1/sites through a real gateway and silo: registry, validation, replay into history, rollups, real-site ingestion.</summary>
[Collection(RunningSystemCollection.Name)]
public sealed class SiteEndpointTests(RunningSystemFixture fixture)
{
    private static string Body(string siteId, string type = "commercial", int interval = 15, bool running = false, long seed = 5) => $$"""
        {"siteId":"{{siteId}}","name":"Depot","type":"{{type}}","latitude":40.4168,"longitude":-3.7038,"timeZone":"Europe/Madrid",
         "batteryCapacityKwh":100,"batteryMaxPowerKw":50,"solarCapacityKw":80,"inverterCapacityKw":60,"intervalMinutes":{{interval}},
         "running":{{(running ? "true" : "false")}},"seed":{{seed}}}
        """;

    [Fact]
    public async Task A_site_is_created_read_listed_patched_and_deleted()
    {
        var id = $"site-{Guid.NewGuid():N}"[..20];
        using (var created = await fixture.Http.PostAsync("/v1/sites", Json.Body(Body(id))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"/v1/sites/{id}", created.Headers.Location?.ToString());
            var site = await Json.ReadAsync(created);
            Assert.Equal("commercial", (string)site["type"]!);
            Assert.Equal(15, (int)site["intervalMinutes"]!);
            Assert.Equal(5, (long)site["seed"]!);
        }

        using (var again = await fixture.Http.PostAsync("/v1/sites", Json.Body(Body(id))))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        Assert.Equal("Depot", (string)(await GetOk($"/v1/sites/{id}"))["name"]!);
        var listed = await GetOk($"/v1/sites?limit=1000");
        Assert.Contains(listed["sites"]!.AsArray(), s => (string)s!["siteId"]! == id);
        var page = await GetOk($"/v1/sites?after={id}&limit=1000");
        Assert.DoesNotContain(page["sites"]!.AsArray(), s => string.CompareOrdinal((string)s!["siteId"]!, id) <= 0);
        Assert.Empty((await GetOk("/v1/sites?after=zzzz-after-every-id&limit=10"))["sites"]!.AsArray());

        using (var patched = await fixture.Http.PatchAsync(new Uri($"/v1/sites/{id}", UriKind.Relative), Json.Body("""{"intervalMinutes":1,"running":true,"name":"Depot 2"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            var site = await Json.ReadAsync(patched);
            Assert.Equal(1, (int)site["intervalMinutes"]!);
            Assert.True((bool)site["running"]!);
        }

        using (var badPatch = await fixture.Http.PatchAsync(new Uri($"/v1/sites/{id}", UriKind.Relative), Json.Body("""{"latitude":1,"intervalMinutes":0}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badPatch.StatusCode);
            var errors = (await Json.ReadAsync(badPatch))["errors"]!;
            Assert.NotNull(errors["latitude"]);
            Assert.NotNull(errors["intervalMinutes"]);
        }

        using (var deleted = await fixture.Http.DeleteAsync(new Uri($"/v1/sites/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await fixture.Http.GetAsync(new Uri($"/v1/sites/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("type", "\"type\":\"commercial\"", "\"type\":\"castle\"")]
    [InlineData("latitude", "\"latitude\":40.4168", "\"latitude\":91")]
    [InlineData("longitude", "\"longitude\":-3.7038", "\"longitude\":\"west\"")]
    [InlineData("timeZone", "\"timeZone\":\"Europe/Madrid\"", "\"timeZone\":\"Mars/Olympus\"")]
    [InlineData("batteryCapacityKwh", "\"batteryCapacityKwh\":100", "\"batteryCapacityKwh\":0")]
    [InlineData("batteryMaxPowerKw", "\"batteryMaxPowerKw\":50", "\"batteryMaxPowerKw\":-5")]
    [InlineData("solarCapacityKw", "\"solarCapacityKw\":80", "\"solarCapacityKw\":1e400")]
    [InlineData("inverterCapacityKw", "\"inverterCapacityKw\":60", "\"inverterCapacityKw\":null")]
    [InlineData("intervalMinutes", "\"intervalMinutes\":15", "\"intervalMinutes\":61")]
    [InlineData("intervalMinutes", "\"intervalMinutes\":15", "\"intervalMinutes\":2.5")]
    [InlineData("seed", "\"seed\":5", "\"seed\":\"abc\"")]
    [InlineData("running", "\"running\":false", "\"running\":\"no\"")]
    [InlineData("name", "\"name\":\"Depot\"", "\"name\":\"\"")]
    [InlineData("siteId", "\"siteId\":\"SITEID\"", "\"siteId\":\"bad id\"")]
    [InlineData("loadProfile.weekday", "\"seed\":5", "\"seed\":5,\"loadProfile\":{\"weekday\":[1,2],\"weekend\":[]}")]
    [InlineData("annualConsumptionKwh", "\"seed\":5", "\"seed\":5,\"annualConsumptionKwh\":0")]
    [InlineData("tilt", "\"seed\":5", "\"seed\":5,\"tilt\":91")]
    [InlineData("azimuth", "\"seed\":5", "\"seed\":5,\"azimuth\":-1")]
    [InlineData("weatherFile", "\"seed\":5", "\"seed\":5,\"weatherFile\":\"../../etc/passwd\"")]
    [InlineData("weatherFile", "\"seed\":5", "\"seed\":5,\"weatherFile\":\"berlin.csv\"")]
    public async Task An_invalid_site_is_a_400_naming_the_field(string field, string valid, string invalid)
    {
        var json = Body("SITEID").Replace(valid, invalid, StringComparison.Ordinal);
        Assert.NotEqual(Body("SITEID"), json);
        using var response = await fixture.Http.PostAsync("/v1/sites", Json.Body(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.True(problem["errors"]?[field] is not null, problem.ToJsonString());
    }

    [Fact]
    public async Task Unknown_sites_are_404_and_bad_queries_400()
    {
        var unknown = $"site-{Guid.NewGuid():N}"[..20];
        foreach (var path in new[] { $"/v1/sites/{unknown}", $"/v1/sites/{unknown}/status", $"/v1/sites/{unknown}/replay" })
        {
            using var response = await fixture.Http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var outage = await fixture.Http.PostAsync(new Uri($"/v1/sites/{unknown}/events/outage", UriKind.Relative), Json.Body("""{"minutes":30}""")))
        {
            Assert.Equal(HttpStatusCode.NotFound, outage.StatusCode);
        }

        foreach (var (path, body) in new[]
        {
            ($"/v1/sites/{unknown}/events/outage", """{"minutes":0}"""),
            ($"/v1/sites/{unknown}/replay", """{"from":"2026-01-02T00:00:00Z","to":"2026-01-01T00:00:00Z"}"""),
            ($"/v1/sites/{unknown}/replay", """{"from":"2026-01-01T00:00:00Z","to":"2999-01-01T00:00:00Z"}"""),
            ($"/v1/sites/{unknown}/replay", """{"from":"2026-01-01T00:00:00"}"""),
        })
        {
            using var response = await fixture.Http.PostAsync(new Uri(path, UriKind.Relative), Json.Body(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        foreach (var query in new[] { "resolution=5m", "from=yesterday", "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "limit=0" })
        {
            using var response = await fixture.Http.GetAsync(new Uri($"/v1/sites/{unknown}/history?{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_replay_fills_history_and_every_rollup_equals_its_raw_rows()
    {
        var id = $"site-{Guid.NewGuid():N}"[..20];
        using (var created = await fixture.Http.PostAsync("/v1/sites", Json.Body(Body(id, "residential", interval: 5))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var from = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddDays(2);
        using (var replay = await fixture.Http.PostAsync(new Uri($"/v1/sites/{id}/replay", UriKind.Relative), Json.Body($$"""{"from":"{{Iso(from)}}","to":"{{Iso(to)}}"}""")))
        {
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((string)(await GetOk($"/v1/sites/{id}/replay"))["state"]! == "running")
        {
            Assert.True(DateTime.UtcNow < deadline);
            await Task.Delay(100);
        }

        var raw = (await GetOk($"/v1/sites/{id}/history?from={Iso(from)}&to={Iso(to.AddMinutes(1))}&resolution=raw")).AsArray();
        Assert.Equal(2 * 288, raw.Count);
        Assert.True(raw.Zip(raw.Skip(1)).All(p => (DateTime)p.First!["timestamp"]! < (DateTime)p.Second!["timestamp"]!), "oldest first");

        foreach (var (resolution, seconds) in new[] { ("15m", 900), ("1h", 3600), ("1d", 86400) })
        {
            var rollups = (await GetOk($"/v1/sites/{id}/history?from={Iso(from)}&to={Iso(to.AddDays(1))}&resolution={resolution}")).AsArray();
            Assert.NotEmpty(rollups);
            foreach (var rollup in rollups)
            {
                var start = (DateTime)rollup!["timestamp"]!;
                var inBucket = raw.Where(r => (DateTime)r!["timestamp"]! >= start && (DateTime)r!["timestamp"]! < start.AddSeconds(seconds)).ToList();
                Assert.Equal(inBucket.Count, (int)rollup["count"]!);
                var hours = inBucket.Sum(r => (double)r!["intervalMinutes"]! / 60);
                AssertClose(inBucket.Sum(r => (double)r!["solarKw"]! * (double)r["intervalMinutes"]! / 60), (double)rollup["solarKwh"]!);
                AssertClose(inBucket.Sum(r => (double)r!["loadKw"]! * (double)r["intervalMinutes"]! / 60), (double)rollup["loadKwh"]!);
                AssertClose(inBucket.Sum(r => (double)r!["gridImportKw"]! * (double)r["intervalMinutes"]! / 60) / hours, (double)rollup["gridImportKw"]!);
                AssertClose(inBucket.Min(r => (double)r!["battery"]!["soc"]!), (double)rollup["socMin"]!);
                AssertClose(inBucket.Max(r => (double)r!["battery"]!["soc"]!), (double)rollup["socMax"]!);
            }
        }
    }

    [Fact]
    public async Task Real_site_readings_are_ingested_once_and_shown_as_status()
    {
        var id = $"real-{Guid.NewGuid():N}"[..20];
        var reading = $$$"""
            {"siteId":"{{{id}}}","timestamp":"2026-02-01T12:00:00Z","intervalMinutes":5,"solarKw":3.2,"loadKw":1.1,"batteryKw":1.5,
             "gridImportKw":0,"gridExportKw":0.6,"battery":{"soc":64,"temperatureC":27,"voltage":51.2,"healthPercent":98.5,"cycleCount":112},
             "inverter":{"acKw":3.0,"dcKw":3.2,"efficiency":0.95,"temperatureC":41},"weather":{"temperatureC":8,"irradianceWm2":420,"cloudCoverPercent":20,"source":"site"}}
            """;
        using (var first = await fixture.Http.PostAsync("/v1/telemetry/site", Json.Body(reading)))
        {
            Assert.Equal("{\"accepted\":1,\"duplicates\":0}", await first.Content.ReadAsStringAsync());
        }

        var batch = "[" + reading.Replace("{\"siteId\"", "{\"type\":\"site\",\"siteId\"", StringComparison.Ordinal) + "]";
        using (var again = await fixture.Http.PostAsync("/v1/telemetry/batch", Json.Body(batch)))
        {
            Assert.Equal(1, (int)(await Json.ReadAsync(again))["duplicates"]!);
        }

        var status = await GetOk($"/v1/sites/{id}/status");
        Assert.Equal(64, (double)status["battery"]!["soc"]!);
        Assert.Equal("site", (string)status["weather"]!["source"]!);
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT row_count FROM site_rollups WHERE site_id = $1 AND resolution_seconds = 3600", id));

        using var invalid = await fixture.Http.PostAsync("/v1/telemetry/site", Json.Body(reading.Replace("\"soc\":64", "\"soc\":640", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull((await Json.ReadAsync(invalid))["errors"]!["battery.soc"]);
    }

    private async Task<JsonNode> GetOk(string path)
    {
        using var response = await fixture.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Json.ReadAsync(response);
    }

    private static void AssertClose(double expected, double actual) => Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{expected} != {actual}");

    private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
