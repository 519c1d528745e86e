using System.Net;

namespace EnergyActors.Tests.Access;

/// <summary>
/// Nothing of fleet B is visible or changeable with fleet A's keys. PENDING: the gateway enters each caller's fleet
/// into the grain calls (FleetScope), but the grains judge ownership only once the fleet-aware grains are merged
/// from main; until then these cases are skipped. Enable them (remove Skip) with that merge.
/// </summary>
[Collection(SecureSystemCollection.Name)]
public sealed class CrossFleetIsolationTests(SecureSystemFixture fixture)
{
    private const string Pending = "Needs the fleet-aware grains (ownership judged against FleetScope) from main; enable after that merge.";
    private const string Ts = "2026-01-31T14:00:00Z";

    [Fact(Skip = Pending)]
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

    [Fact(Skip = Pending)]
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

    [Fact(Skip = Pending)]
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
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }

    private static string Typed(string reading) => reading.Insert(1, "\"type\":\"vehicle\",");

    private async Task<string> ReadAsync(string path, string key)
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Http.Json.ReadAsync(response)).ToJsonString();
    }
}
