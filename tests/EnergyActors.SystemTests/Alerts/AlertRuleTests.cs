using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EnergyActors.Tests.Access;
using EnergyActors.Tests.Http;

namespace EnergyActors.Tests.Alerts;

/// <summary>
/// A fleet's alert rules through the API: its own (another fleet keeps the defaults), validated field by field, audited,
/// and obeyed by its devices: a CRITICAL vehicle raises only after the hold-off, and an operator acknowledges the alert.
/// </summary>
[Collection(SecureSystemCollection.Name)]
public sealed class AlertRuleTests(SecureSystemFixture fixture)
{
    private const int HoldOffSeconds = 15;

    [Fact]
    public async Task Rules_are_the_fleets_own_validated_and_audited()
    {
        var (mine, mineOperator) = await OperatorAsync("rules-a");
        var (_, theirOperator) = await OperatorAsync("rules-b");
        using (var put = await fixture.SendAsync(HttpMethod.Put, "/v1/alert-rules", mineOperator, Rule("SOC_BELOW_FLOOR", "warning", 25, 120)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var soc = Rules(await Json.ReadAsync(put)).Single(r => (string)r["kind"]! == "SOC_BELOW_FLOOR");
            Assert.Equal(("warning", 25.0, 120), ((string)soc["severity"]!, (double)soc["threshold"]!, (int)soc["holdOffSeconds"]!));
        }

        var theirs = await GetAsync("/v1/alert-rules", theirOperator);
        Assert.Null((string?)theirs["updatedAt"]);
        Assert.Equal(10.0, (double)Rules(theirs).Single(r => (string)r["kind"]! == "SOC_BELOW_FLOOR")["threshold"]!);
        Assert.Equal(6, Rules(theirs).Count);

        foreach (var (body, field) in new[]
        {
            (Rule("SOC_BELOW_FLOOR", "warning", 250, 0), "rules[0].threshold"),
            (Rule("SOC_BELOW_FLOOR", "loud", 20, 0), "rules[0].severity"),
            (Rule("NOT_A_KIND", "major", 20, 0), "rules[0].kind"),
            ("""{"rules":[{"kind":"UNSERVED_LOAD","enabled":true,"severity":"major","threshold":0,"holdOffReadings":1,"clearSeconds":0}]}""", "rules[0].holdOffSeconds"),
            ("""{"rules":[]}""", "rules"),
        })
        {
            using var refused = await fixture.SendAsync(HttpMethod.Put, "/v1/alert-rules", mineOperator, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await Json.ReadAsync(refused))["errors"]![field]);
        }

        var audit = await GetAsync($"/v1/admin/audit?fleetId={mine}&limit=20", fixture.AdminKey);
        var actions = audit["entries"]!.AsArray().Select(e => $"{(string?)e!["action"]} {(int)e["status"]!}").ToList();
        Assert.Contains("PUT /v1/alert-rules 200", actions);
        Assert.Contains("PUT /v1/alert-rules 400", actions);
    }

    [Fact]
    public async Task A_critical_vehicle_raises_only_after_the_hold_off_and_an_operator_acknowledges_it()
    {
        var (fleet, operatorKey) = await OperatorAsync("rules-hold");
        var (_, device) = await fixture.CreateKeyAsync(fleet, "device");
        using (var put = await fixture.SendAsync(HttpMethod.Put, "/v1/alert-rules", operatorKey, Rule("EFFICIENCY_CRITICAL", "major", 0.7, HoldOffSeconds)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var vehicle = $"HOLD-V-{Guid.NewGuid():N}"[..20];
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        // Two pairs (the default evidence) of 10 kWh in for 1 kWh delivered: an efficiency of 0.1.
        for (var i = 0; i < 2; i++)
        {
            var ts = at.AddMinutes(i).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            await PostAsync(device, "/v1/telemetry/vehicle", Json.Vehicle(vehicle, ts, kwh: 1));
            await PostAsync(device, "/v1/telemetry/meter", Json.Meter($"HOLD-M-{vehicle}", ts, kwh: 10, vehicleId: vehicle));
        }

        var judged = DateTimeOffset.UtcNow;
        Assert.Empty((await GetAsync($"/v1/alerts?deviceId={vehicle}", operatorKey))["alerts"]!.AsArray());
        var alert = await WaitForAlertAsync(vehicle, operatorKey, TimeSpan.FromSeconds(HoldOffSeconds + 30));
        Assert.True(DateTimeOffset.Parse((string)alert["raisedAt"]!, CultureInfo.InvariantCulture) >= judged.AddSeconds(HoldOffSeconds - 2), "raised before its hold-off");
        Assert.Equal(("EFFICIENCY_CRITICAL", "major", "active"), ((string)alert["kind"]!, (string)alert["severity"]!, (string)alert["state"]!));

        var id = (long)alert["id"]!;
        var (_, stranger) = await OperatorAsync("rules-stranger");
        using (var foreign = await fixture.SendAsync(HttpMethod.Post, $"/v1/alerts/{id}/ack", stranger, """{"note":"not mine"}"""))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using var ack = await fixture.SendAsync(HttpMethod.Post, $"/v1/alerts/{id}/ack", operatorKey, """{"by":"dispatch","note":"charger booked for inspection"}""");
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acked = await Json.ReadAsync(ack);
        Assert.Equal(("acknowledged", "dispatch", "charger booked for inspection"), ((string)acked["state"]!, (string)acked["acknowledgedBy"]!, (string)acked["note"]!));
        using var again = await fixture.SendAsync(HttpMethod.Post, $"/v1/alerts/{id}/ack", operatorKey, """{"by":"someone else"}""");
        Assert.Equal((string)acked["acknowledgedAt"]!, (string)(await Json.ReadAsync(again))["acknowledgedAt"]!);

        Assert.Single((await GetAsync($"/v1/alerts?deviceId={vehicle}&state=acknowledged&severity=major", operatorKey))["alerts"]!.AsArray());
        Assert.Empty((await GetAsync($"/v1/alerts?deviceId={vehicle}&state=active", operatorKey))["alerts"]!.AsArray());
        Assert.Empty((await GetAsync($"/v1/alerts?deviceId={vehicle}&severity=critical", operatorKey))["alerts"]!.AsArray());
        using var badState = await fixture.SendAsync(HttpMethod.Get, "/v1/alerts?state=open", operatorKey);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        using var badId = await fixture.SendAsync(HttpMethod.Post, "/v1/alerts/x1/ack", operatorKey, "{}");
        Assert.NotNull((await Json.ReadAsync(badId))["errors"]!["alertId"]);
    }

    private static string Rule(string kind, string severity, double threshold, int holdOffSeconds) =>
        FormattableString.Invariant($$"""{"rules":[{"kind":"{{kind}}","enabled":true,"severity":"{{severity}}","threshold":{{threshold}},"holdOffSeconds":{{holdOffSeconds}},"holdOffReadings":1,"clearSeconds":0,"minAcKwh":1,"minReadings":2}]}""");

    private static List<JsonNode> Rules(JsonNode response) => [.. response["rules"]!.AsArray().Select(r => r!)];

    private async Task<(string Fleet, string Operator)> OperatorAsync(string prefix)
    {
        var fleet = await fixture.CreateFleetAsync(prefix);
        return (fleet, (await fixture.CreateKeyAsync(fleet, "operator")).Key);
    }

    private async Task<JsonNode> GetAsync(string path, string key)
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync(response);
    }

    private async Task PostAsync(string key, string path, string json)
    {
        using var response = await fixture.SendAsync(HttpMethod.Post, path, key, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonNode> WaitForAlertAsync(string device, string key, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var alerts = (await GetAsync($"/v1/alerts?deviceId={device}", key))["alerts"]!.AsArray();
            if (alerts.Count > 0)
            {
                return alerts[0]!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no alert for {device} within {timeout.TotalSeconds:0} s");
            await Task.Delay(250);
        }
    }
}
