using System.Net;

namespace EnergyActors.Tests.Access;

/// <summary>
/// Nothing of fleet B is visible or changeable with fleet A's keys, on any path: ingestion (single, batch, a meter
/// reading naming B's vehicle), status, analytics, the fleet view, alerts, sites, links, replay and outage. Reads of
/// B's data answer as if it did not exist (404, absent from lists); writes answer 403 and store nothing.
/// </summary>
[Collection(SecureSystemCollection.Name)]
public sealed class CrossFleetIsolationTests(SecureSystemFixture fixture)
{
    private const string Ts = "2026-01-31T14:00:00Z";

    [Fact]
    public async Task Another_fleets_device_key_gets_403_writing_and_its_operator_404_reading()
    {
        var (a, b) = (await fixture.CreateFleetAsync("iso-a"), await fixture.CreateFleetAsync("iso-b"));
        var (_, deviceA) = await fixture.CreateKeyAsync(a, "device");
        var (_, deviceB) = await fixture.CreateKeyAsync(b, "device");
        var (_, operatorA) = await fixture.CreateKeyAsync(a, "operator");
        var meter = $"ISO-M-{Guid.NewGuid():N}"[..20];
        using (var owned = await fixture.SendAsync(HttpMethod.Post, "/v1/telemetry/meter", deviceB, Http.Json.Meter(meter, Ts)))
        {
            Assert.Equal(HttpStatusCode.OK, owned.StatusCode);
        }

        using (var write = await fixture.SendAsync(HttpMethod.Post, "/v1/telemetry/meter", deviceA, Http.Json.Meter(meter, "2026-01-31T14:01:00Z")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        }

        using var read = await fixture.SendAsync(HttpMethod.Get, $"/v1/telemetry/meter/{meter}/status", operatorA);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1", meter));
    }

    [Fact]
    public async Task A_batch_mixing_fleets_stores_only_its_own_fleets_items_and_names_the_others_by_index()
    {
        var (a, b) = (await fixture.CreateFleetAsync("iso-a"), await fixture.CreateFleetAsync("iso-b"));
        var (_, deviceA) = await fixture.CreateKeyAsync(a, "device");
        var (_, deviceB) = await fixture.CreateKeyAsync(b, "device");
        var (mine, theirs) = ($"ISO-V-{Guid.NewGuid():N}"[..20], $"ISO-V-{Guid.NewGuid():N}"[..20]);
        using (var owned = await fixture.SendAsync(HttpMethod.Post, "/v1/telemetry/vehicle", deviceB, Http.Json.Vehicle(theirs, Ts)))
        {
            Assert.Equal(HttpStatusCode.OK, owned.StatusCode);
        }

        var batch = $"[{Typed(Http.Json.Vehicle(mine, Ts))},{Typed(Http.Json.Vehicle(theirs, "2026-01-31T14:01:00Z"))}]";
        using var response = await fixture.SendAsync(HttpMethod.Post, "/v1/telemetry/batch", deviceA, batch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Http.Json.ReadAsync(response);
        Assert.Equal((1, 1), ((int)body["accepted"]!, (int)body["rejected"]!));
        Assert.Equal((1, "deviceId"), ((int)body["errors"]![0]!["index"]!, (string?)body["errors"]![0]!["field"]));
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", theirs));
    }

    [Fact]
    public async Task Lists_show_the_callers_fleet_only_and_an_admin_names_a_fleet_with_fleetId()
    {
        var (a, b) = (await fixture.CreateFleetAsync("iso-a"), await fixture.CreateFleetAsync("iso-b"));
        var (_, operatorA) = await fixture.CreateKeyAsync(a, "operator");
        var (_, operatorB) = await fixture.CreateKeyAsync(b, "operator");
        var site = $"iso-s-{Guid.NewGuid():N}"[..20];
        using (var created = await fixture.SendAsync(HttpMethod.Post, "/v1/sites", operatorB, $$"""
            {"siteId":"{{site}}","name":"b's","type":"residential","latitude":52.52,"longitude":13.405,"timeZone":"Europe/Berlin",
             "batteryCapacityKwh":10,"batteryMaxPowerKw":5,"solarCapacityKw":8,"inverterCapacityKw":6,"simulate":false}
            """))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        Assert.DoesNotContain(site, await ReadAsync("/v1/sites?limit=1000", operatorA), StringComparison.Ordinal);
        Assert.Contains(site, await ReadAsync("/v1/sites?limit=1000", operatorB), StringComparison.Ordinal);
        Assert.Contains(site, await ReadAsync($"/v1/sites?limit=1000&fleetId={b}", fixture.AdminKey), StringComparison.Ordinal);
        Assert.DoesNotContain(site, await ReadAsync($"/v1/sites?limit=1000&fleetId={a}", fixture.AdminKey), StringComparison.Ordinal);
        using var deleted = await fixture.SendAsync(HttpMethod.Delete, $"/v1/sites/{site}", operatorA);
        Assert.Equal(HttpStatusCode.Forbidden, deleted.StatusCode);
    }

    [Fact]
    public async Task Every_path_into_another_fleets_devices_sites_links_and_alerts_is_closed()
    {
        var (a, b) = (await fixture.CreateFleetAsync("iso-a"), await fixture.CreateFleetAsync("iso-b"));
        var (_, operatorA) = await fixture.CreateKeyAsync(a, "operator");
        var (_, operatorB) = await fixture.CreateKeyAsync(b, "operator");
        var id = $"{Guid.NewGuid():N}"[..12];
        var (vehicle, meter, site, ownMeter) = ($"ISO-V-{id}", $"ISO-M-{id}", $"iso-s-{id}", $"ISO-N-{id}");

        // Fleet B: a vehicle with a reading, its meter linked, a site whose real reading is hot enough to raise an alert.
        await ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/telemetry/vehicle", operatorB, Http.Json.Vehicle(vehicle, Ts));
        await ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/vehicles/{vehicle}/meter", operatorB, $$"""{"meterId":"{{meter}}"}""");
        await ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/sites", operatorB, SiteBody(site));
        await ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/telemetry/site", operatorB, HotSiteReading(site));
        await WaitUntilAsync(async () => (await ReadAsync("/v1/alerts", operatorB)).Contains(site, StringComparison.Ordinal), "fleet B's own alert list shows its site's alert");

        // Fleet A reads nothing of it.
        foreach (var path in new[]
        {
            $"/v1/telemetry/vehicle/{vehicle}/status", $"/v1/telemetry/meter/{meter}/status", $"/v1/analytics/performance/{vehicle}",
            $"/v1/vehicles/{vehicle}/meter", $"/v1/sites/{site}", $"/v1/sites/{site}/status", $"/v1/sites/{site}/replay",
        })
        {
            await ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, path, operatorA);
        }

        foreach (var list in new[] { "/v1/analytics/fleet?limit=1000", "/v1/alerts?limit=1000", "/v1/sites?limit=1000", $"/v1/sites/{site}/history?from=2026-01-31T00:00:00Z&to=2026-02-01T00:00:00Z" })
        {
            var body = await ReadAsync(list, operatorA);
            Assert.DoesNotContain(vehicle, body, StringComparison.Ordinal);
            Assert.DoesNotContain(site, body, StringComparison.Ordinal);
        }

        // Fleet A changes nothing of it.
        await ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/v1/telemetry/vehicle", operatorA, Http.Json.Vehicle(vehicle, "2026-01-31T14:05:00Z"));
        await ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/v1/telemetry/meter", operatorA, Http.Json.Meter(meter, "2026-01-31T14:05:00Z"));
        await ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/v1/telemetry/meter", operatorA, Http.Json.Meter(ownMeter, "2026-01-31T14:05:00Z", vehicleId: vehicle));
        await ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/v1/telemetry/site", operatorA, HotSiteReading(site, "2026-01-31T14:10:00Z"));
        await ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, $"/v1/vehicles/{vehicle}/meter", operatorA, $$"""{"meterId":"{{ownMeter}}"}""");
        await ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Delete, $"/v1/vehicles/{vehicle}/meter", operatorA);
        await ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Patch, $"/v1/sites/{site}", operatorA, """{"name":"taken over"}""");
        await ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/v1/sites/{site}/events/outage", operatorA, """{"minutes":5}""");
        await ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/v1/sites/{site}/replay", operatorA, """{"from":"2026-01-01T00:00:00Z","to":"2026-01-01T01:00:00Z"}""");
        await ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/v1/sites", operatorA, SiteBody(site));
        await ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Delete, $"/v1/sites/{site}", operatorA);

        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", vehicle));
        Assert.Equal(0, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1 OR vehicle_id = $2", meter, vehicle));
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM site_readings WHERE site_id = $1", site));
        Assert.Equal("b's", (string?)System.Text.Json.Nodes.JsonNode.Parse(await ReadAsync($"/v1/sites/{site}", operatorB))!["name"]);
        Assert.Contains(meter, await ReadAsync($"/v1/vehicles/{vehicle}/meter", operatorB), StringComparison.Ordinal);
    }

    private static string SiteBody(string site) => $$"""
        {"siteId":"{{site}}","name":"b's","type":"residential","latitude":52.52,"longitude":13.405,"timeZone":"Europe/Berlin",
         "batteryCapacityKwh":10,"batteryMaxPowerKw":5,"solarCapacityKw":8,"inverterCapacityKw":6,"simulate":false}
        """;

    private static string HotSiteReading(string site, string timestamp = Ts) => $$$"""
        {"siteId":"{{{site}}}","timestamp":"{{{timestamp}}}","intervalMinutes":5,"solarKw":3.2,"loadKw":1.1,"batteryKw":1.5,"gridImportKw":0,"gridExportKw":0.6,
         "battery":{"soc":64,"temperatureC":70,"voltage":51.2,"healthPercent":98.5,"cycleCount":112},
         "inverter":{"acKw":3.0,"dcKw":3.2,"efficiency":0.95,"temperatureC":41},"weather":{"temperatureC":8,"irradianceWm2":420,"cloudCoverPercent":20,"source":"site"}}
        """;

    private async Task ExpectAsync(HttpStatusCode expected, HttpMethod method, string path, string key, string? json = null)
    {
        using var response = await fixture.SendAsync(method, path, key, json);
        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not within 20 s: {what}.");
            await Task.Delay(100);
        }
    }

    private static string Typed(string reading) => reading.Insert(1, "\"type\":\"vehicle\",");

    private async Task<string> ReadAsync(string path, string key)
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Http.Json.ReadAsync(response)).ToJsonString();
    }
}
