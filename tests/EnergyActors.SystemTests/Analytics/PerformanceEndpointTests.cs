using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Analytics;

/// <summary>
/// The analytics endpoints through a real gateway and silo: every figure of the performance endpoint
/// equals the SQL aggregation over history for the [start, end) it reports, before and after a silo crash;
/// the fleet view, alerts and meter links behave as the contract says.
/// </summary>
public sealed class PerformanceEndpointTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private RunningSystem _system = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("analytics");
        _system = await RunningSystem.StartAsync(_database.ConnectionString, extraGatewaySettings: new Dictionary<string, string> { ["Gateway__GrainCallTimeoutSeconds"] = "5" });
    }

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Every_figure_equals_the_SQL_aggregation_over_history_and_a_silo_crash_changes_none()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var linked = $"VEH-L-{run}";
        var explicitVehicle = $"VEH-E-{run}";
        var meterA = $"MTR-A-{run}";
        var meterB = $"MTR-B-{run}";
        await PutLinkAsync(linked, meterA);

        // 25 h of minute readings ending a minute ago: the first hour falls before the window.
        var random = new Random(7);
        var now = DateTimeOffset.UtcNow;
        var end = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddMinutes(-1);
        var items = new List<string>();
        for (var t = end.AddHours(-25); t <= end; t = t.AddMinutes(1))
        {
            var ts = t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            var acA = Math.Round(random.NextDouble() * 0.2, 6);
            var acB = Math.Round(random.NextDouble() * 0.2, 6);
            items.Add(Item("meter", meterA, ts, $"\"kwhConsumedAc\":{Num(acA)},\"voltage\":230"));
            items.Add(Item("meter", meterB, ts, $"\"kwhConsumedAc\":{Num(acB)},\"voltage\":231,\"vehicleId\":\"{explicitVehicle}\""));
            items.Add(Item("vehicle", linked, ts, $"\"soc\":50,\"kwhDeliveredDc\":{Num(Math.Round(acA * 0.9, 6))},\"batteryTemp\":{Num(Math.Round(20 + (random.NextDouble() * 15), 6))}"));
            items.Add(Item("vehicle", explicitVehicle, ts, $"\"soc\":60,\"kwhDeliveredDc\":{Num(Math.Round(acB * 0.62, 6))},\"batteryTemp\":{Num(Math.Round(25 + (random.NextDouble() * 10), 6))}"));
        }

        foreach (var chunk in items.Chunk(5_000))
        {
            using var response = await _system.Http.PostAsync("/v1/telemetry/batch", Json.Body("[" + string.Join(',', chunk) + "]"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The same instants again, in another UTC offset: duplicates, counted nowhere.
        var again = end.AddHours(-2).ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        using (var duplicate = await _system.Http.PostAsync("/v1/telemetry/meter", Json.Body(Json.Meter(meterA, again, kwh: 99))))
        {
            Assert.Equal("{\"accepted\":0,\"duplicates\":1}", await duplicate.Content.ReadAsStringAsync());
        }

        await AssertMatchesHistoryAsync(linked, HealthStatusExpected.Healthy);
        await AssertMatchesHistoryAsync(explicitVehicle, HealthStatusExpected.Critical);

        await _system.RestartSiloAsync(0, crash: true);

        await AssertMatchesHistoryAsync(linked, HealthStatusExpected.Healthy);
        await AssertMatchesHistoryAsync(explicitVehicle, HealthStatusExpected.Critical);
    }

    [Fact]
    public async Task Unknown_and_invalid_vehicles_are_404_and_400()
    {
        using var unknown = await _system.Http.GetAsync(new Uri($"/v1/analytics/performance/VEH-{Guid.NewGuid():N}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        using var invalid = await _system.Http.GetAsync(new Uri("/v1/analytics/performance/bad%20id", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull((await Json.ReadAsync(invalid))["errors"]?["vehicleId"]);

        foreach (var query in new[] { "status=BROKEN", "limit=0", "limit=abc", "limit=100000" })
        {
            using var fleet = await _system.Http.GetAsync(new Uri($"/v1/analytics/fleet?{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, fleet.StatusCode);
        }

        foreach (var query in new[] { "active=maybe", "deviceId=bad%20id", "limit=-1" })
        {
            using var alerts = await _system.Http.GetAsync(new Uri($"/v1/alerts?{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, alerts.StatusCode);
        }
    }

    [Fact]
    public async Task A_new_link_moves_the_meter_and_attribution_follows_the_link_at_ingestion_time()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (first, second, meter) = ($"VEH-1-{run}", $"VEH-2-{run}", $"MTR-{run}");
        var t = DateTimeOffset.UtcNow.AddMinutes(-30);
        await PutLinkAsync(first, meter);
        await PostAsync("meter", Json.Meter(meter, Iso(t), kwh: 1));
        await PutLinkAsync(second, meter);
        await PostAsync("meter", Json.Meter(meter, Iso(t.AddMinutes(1)), kwh: 2));

        using (var firstLink = await _system.Http.GetAsync(new Uri($"/v1/vehicles/{first}/meter", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, firstLink.StatusCode);
        }

        Assert.Equal(meter, (string)(await GetJsonAsync($"/v1/vehicles/{second}/meter"))["meterId"]!);
        Assert.Equal(1m, (await GetJsonAsync($"/v1/analytics/performance/{first}"))["data"]!["totalAcConsumed"]!.GetValue<decimal>());
        Assert.Equal(2m, (await GetJsonAsync($"/v1/analytics/performance/{second}"))["data"]!["totalAcConsumed"]!.GetValue<decimal>());
        Assert.Equal(1, await _database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1 AND vehicle_id = $2", meter, first));
        Assert.Equal(1, await _database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1 AND vehicle_id = $2", meter, second));

        using (var unlink = await _system.Http.DeleteAsync(new Uri($"/v1/vehicles/{second}/meter", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, unlink.StatusCode);
        }

        await PostAsync("meter", Json.Meter(meter, Iso(t.AddMinutes(2)), kwh: 4));
        Assert.Equal(1, await _database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1 AND vehicle_id IS NULL", meter));
        Assert.Equal(2m, (await GetJsonAsync($"/v1/analytics/performance/{second}"))["data"]!["totalAcConsumed"]!.GetValue<decimal>());
        using (var again = await _system.Http.DeleteAsync(new Uri($"/v1/vehicles/{second}/meter", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        using var badBody = await _system.Http.PutAsync(new Uri($"/v1/vehicles/{first}/meter", UriKind.Relative), Json.Body("""{"meterId":"bad id"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
    }

    [Fact]
    public async Task The_fleet_view_ranks_vehicles_worst_first_and_alerts_follow_the_verdict()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var t = DateTimeOffset.UtcNow.AddMinutes(-20);
        using (var rules = await _system.Http.PutAsync("/v1/alert-rules", Json.Body(Json.ImmediateEfficiencyRules)))
        {
            Assert.Equal(HttpStatusCode.OK, rules.StatusCode);
        }

        // Set before any device of this new system judged a reading, so none holds the defaults in its silo's cache.
        var ratios = new Dictionary<string, double>
        {
            [$"F-HEALTHY-{run}"] = 0.93,
            [$"F-WARNING-{run}"] = 0.78,
            [$"F-CRITICAL-{run}"] = 0.55,
            [$"F-ANOMALY-{run}"] = 1.2,
        };
        foreach (var (vehicle, ratio) in ratios)
        {
            await PostAsync("meter", Json.Meter($"M-{vehicle}", Iso(t), kwh: 10, vehicleId: vehicle));
            await PostAsync("vehicle", Json.Vehicle(vehicle, Iso(t), kwh: 10 * ratio));
        }

        var noData = $"F-NODATA-{run}";
        await PostAsync("vehicle", Json.Vehicle(noData, Iso(t), kwh: 1));

        var fleet = await PollAsync("/v1/analytics/fleet?limit=1000", f => f["vehicles"]!.AsArray().Count(v => ((string)v!["vehicleId"]!).EndsWith(run, StringComparison.Ordinal)) == 5);
        var ours = fleet["vehicles"]!.AsArray().Select(v => (string)v!["vehicleId"]!).Where(id => id.EndsWith(run, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"F-CRITICAL-{run}", $"F-WARNING-{run}", $"F-HEALTHY-{run}", $"F-ANOMALY-{run}", noData], ours);
        foreach (var status in new[] { "HEALTHY", "WARNING", "CRITICAL", "ANOMALY", "NO_DATA" })
        {
            Assert.True((int)fleet["counts"]![status]! >= 1, status);
        }

        var critical = await GetJsonAsync("/v1/analytics/fleet?status=critical&limit=1000");
        Assert.All(critical["vehicles"]!.AsArray(), v => Assert.Equal("CRITICAL", (string)v!["healthStatus"]!));
        Assert.Contains(critical["vehicles"]!.AsArray(), v => (string)v!["vehicleId"]! == $"F-CRITICAL-{run}");

        var raised = await GetJsonAsync($"/v1/alerts?deviceId=F-CRITICAL-{run}&active=true");
        Assert.Equal("EFFICIENCY_CRITICAL", (string)raised["alerts"]![0]!["kind"]!);
        var anomaly = await GetJsonAsync($"/v1/alerts?deviceId=F-ANOMALY-{run}");
        Assert.Equal("EFFICIENCY_ANOMALY", (string)anomaly["alerts"]![0]!["kind"]!);
        // While only its AC had arrived the healthy vehicle was briefly CRITICAL (ratio 0); nothing stays active.
        Assert.Empty((await GetJsonAsync($"/v1/alerts?deviceId=F-HEALTHY-{run}&active=true"))["alerts"]!.AsArray());

        // More DC brings the critical vehicle to HEALTHY: its alert is cleared, not deleted.
        await PostAsync("vehicle", Json.Vehicle($"F-CRITICAL-{run}", Iso(t.AddMinutes(1)), kwh: 3.8));
        Assert.Equal("HEALTHY", (string)(await GetJsonAsync($"/v1/analytics/performance/F-CRITICAL-{run}"))["data"]!["healthStatus"]!);
        var cleared = await GetJsonAsync($"/v1/alerts?deviceId=F-CRITICAL-{run}");
        Assert.False((bool)cleared["alerts"]![0]!["active"]!);
        Assert.NotNull((string?)cleared["alerts"]![0]!["clearedAt"]);
        var stillActive = await GetJsonAsync($"/v1/alerts?deviceId=F-CRITICAL-{run}&active=true");
        Assert.True(stillActive["alerts"]!.AsArray().Count == 0, stillActive.ToJsonString() + (await GetJsonAsync($"/v1/alerts?deviceId=F-CRITICAL-{run}")).ToJsonString());
        await PollAsync($"/v1/analytics/fleet?status=HEALTHY&limit=1000", f => f["vehicles"]!.AsArray().Any(v => (string)v!["vehicleId"]! == $"F-CRITICAL-{run}"));

        // The index lives in memory; after a crash its shards wake the vehicles they knew, which report again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await _system.RestartSiloAsync(0, crash: true);
        var refilled = await PollAsync("/v1/analytics/fleet?limit=1000", f => f["vehicles"]!.AsArray().Count(v => ((string)v!["vehicleId"]!).EndsWith(run, StringComparison.Ordinal)) == 5);
        Assert.Equal("HEALTHY", (string)refilled["vehicles"]!.AsArray().First(v => (string)v!["vehicleId"]! == $"F-CRITICAL-{run}")!["healthStatus"]!);
    }

    private enum HealthStatusExpected
    {
        Healthy,
        Critical,
    }

    private async Task AssertMatchesHistoryAsync(string vehicleId, HealthStatusExpected expected)
    {
        var data = (await GetJsonAsync($"/v1/analytics/performance/{vehicleId}"))["data"]!;
        var (meterCount, _, _) = await HistoryAggregates.AssertPerformanceMatchesAsync(_database, data, vehicleId);
        Assert.InRange(meterCount, 1_438, 1_440);
        Assert.Equal(expected == HealthStatusExpected.Healthy ? "HEALTHY" : "CRITICAL", (string)data["healthStatus"]!);
    }

    private async Task PutLinkAsync(string vehicleId, string meterId)
    {
        using var response = await _system.Http.PutAsync(new Uri($"/v1/vehicles/{vehicleId}/meter", UriKind.Relative), Json.Body($$"""{"meterId":"{{meterId}}"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task PostAsync(string type, string json)
    {
        using var response = await _system.Http.PostAsync(new Uri($"/v1/telemetry/{type}", UriKind.Relative), Json.Body(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>After a crash the gateway may answer 503 until it reaches the restarted silo; that is the contract's answer.</summary>
    private async Task<JsonNode> GetJsonAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await _system.Http.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return await Json.ReadAsync(response);
            }

            await Task.Delay(250);
        }
    }

    private async Task<JsonNode> PollAsync(string path, Func<JsonNode, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var node = await GetJsonAsync(path);
            if (until(node))
            {
                return node;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} never showed the expected state: {node.ToJsonString()}");
            await Task.Delay(250);
        }
    }

    private static string Item(string type, string id, string ts, string fields) =>
        new StringBuilder().Append("{\"type\":\"").Append(type).Append("\",\"").Append(type).Append("Id\":\"").Append(id)
            .Append("\",\"timestamp\":\"").Append(ts).Append("\",").Append(fields).Append('}').ToString();

    private static string Num(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
