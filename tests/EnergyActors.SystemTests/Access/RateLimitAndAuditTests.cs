using System.Net;
using System.Text.Json.Nodes;

namespace EnergyActors.Tests.Access;

/// <summary>
/// Per-key limits set per fleet by an admin (429 with Retry-After, nothing of a refused request stored), and the audit
/// log of changes, refusals included.
/// </summary>
[Collection(SecureSystemCollection.Name)]
public sealed class RateLimitAndAuditTests(SecureSystemFixture fixture)
{
    [Fact]
    public async Task A_fleets_own_limits_apply_within_5_s_and_what_they_refuse_is_not_stored()
    {
        var fleet = await fixture.CreateFleetAsync("rl");
        var (_, device) = await fixture.CreateKeyAsync(fleet, "device");
        using (var patched = await fixture.SendAsync(HttpMethod.Patch, $"/v1/admin/fleets/{fleet}", fixture.AdminKey, """{"rateLimits":{"requestsPerSecond":5,"readingsPerSecond":20}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            var limits = (await Http.Json.ReadAsync(patched))["rateLimits"]!;
            Assert.Equal((5, 20, false), ((int)limits["requestsPerSecond"]!, (int)limits["readingsPerSecond"]!, (bool)limits["default"]!));
        }

        var vehicle = $"RL-V-{Guid.NewGuid():N}"[..20];
        var (ok, refused, sent) = (0, 0, 0);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (refused == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No request was refused within 10 s of the fleet's 5 requests/s limit.");
            var timestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(sent++).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            using var response = await fixture.SendAsync(HttpMethod.Post, "/v1/telemetry/vehicle", device, Http.Json.Vehicle(vehicle, timestamp), gateway: 1);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused++;
                Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                ok++;
            }
        }

        Assert.Equal(ok, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", vehicle));

        // A batch larger than a second's worth of readings can never pass; it is refused whole, nothing stored.
        var items = Enumerable.Range(0, 21).Select(i => Http.Json.Vehicle(vehicle, $"2026-02-01T00:{i:00}:00Z").Insert(1, "\"type\":\"vehicle\","));
        using (var tooBig = await SendPatientlyAsync($"[{string.Join(',', items)}]", device))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, tooBig.StatusCode);
        }

        Assert.Equal(ok, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", vehicle));
    }

    [Fact]
    public async Task Changes_are_audited_with_the_key_the_fleet_and_the_answer_refusals_included()
    {
        var (mine, theirs) = (await fixture.CreateFleetAsync("au-a"), await fixture.CreateFleetAsync("au-b"));
        var (operatorId, operatorKey) = await fixture.CreateKeyAsync(mine, "operator");
        var (_, theirOperator) = await fixture.CreateKeyAsync(theirs, "operator");
        var (vehicle, meter) = ($"AU-V-{Guid.NewGuid():N}"[..20], $"AU-M-{Guid.NewGuid():N}"[..20]);
        using (var linked = await fixture.SendAsync(HttpMethod.Put, $"/v1/vehicles/{vehicle}/meter", theirOperator, $$"""{"meterId":"{{meter}}"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        }

        using (var refused = await fixture.SendAsync(HttpMethod.Delete, $"/v1/vehicles/{vehicle}/meter", operatorKey))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var reading = await fixture.SendAsync(HttpMethod.Get, $"/v1/vehicles/{vehicle}/meter", operatorKey))
        {
            Assert.Equal(HttpStatusCode.NotFound, reading.StatusCode);
        }

        using var audit = await fixture.SendAsync(HttpMethod.Get, $"/v1/admin/audit?fleetId={mine}&limit=10", fixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var entry = Assert.Single((await Http.Json.ReadAsync(audit))["entries"]!.AsArray(), e => (string?)e!["keyId"] == operatorId);
        Assert.Equal(
            (operatorId, mine, "DELETE /v1/vehicles/{vehicleId}/meter", $"/v1/vehicles/{vehicle}/meter", 403),
            ((string)entry!["keyId"]!, (string)entry["fleetId"]!, (string)entry["action"]!, (string)entry["target"]!, (int)entry["status"]!));

        var keys = (await Http.Json.ReadAsync(await fixture.SendAsync(HttpMethod.Get, $"/v1/admin/audit?fleetId={theirs}", fixture.AdminKey)))["entries"]!.AsArray();
        Assert.Contains(keys, e => (string?)e!["action"] == "PUT /v1/vehicles/{vehicleId}/meter" && (int)e["status"]! == 200);
        Assert.Contains(keys, e => (string?)e!["action"] == "POST /v1/admin/fleets/{fleetId}/keys" && (int)e["status"]! == 201);
        Assert.DoesNotContain(keys, e => ((JsonObject)e!).ToJsonString().Contains("ea_", StringComparison.Ordinal));

        using var denied = await fixture.SendAsync(HttpMethod.Get, "/v1/admin/audit", operatorKey);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    // The request bucket of this key may be empty from the loop before: wait for it, so the answer is the readings' verdict.
    private async Task<HttpResponseMessage> SendPatientlyAsync(string batch, string key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await fixture.SendAsync(HttpMethod.Post, "/v1/telemetry/batch", key, batch, gateway: 1);
            var body = await response.Content.ReadAsStringAsync();
            if (!body.Contains("more requests per second", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(250);
        }
    }
}
