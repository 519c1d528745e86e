using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Robustness;

/// <summary>
/// The largest values the API accepts, through every path into a vehicle's window (its own single and batch
/// readings, a meter naming it, a meter linked to it), survive a silo crash with every figure equal to SQL over
/// history; and a row outside today's limits, stored before they existed, never bricks its vehicle.
/// </summary>
public sealed class ExtremeValueTests
{
    private const double Max = ReadingLimits.MaxEnergyKwh;

    [Fact]
    public async Task The_largest_accepted_values_on_every_path_keep_figures_equal_to_SQL_across_a_silo_crash()
    {
        await using var database = await TestDatabase.CreateAsync("extreme");
        await using var system = await RunningSystem.StartAsync(database.ConnectionString);
        var run = Guid.NewGuid().ToString("N")[..8];
        var (own, linked, named) = ($"XV-own-{run}", $"XV-linked-{run}", $"XV-named-{run}");
        var t = DateTimeOffset.UtcNow.AddMinutes(-30);
        await SendAsync(system, HttpMethod.Put, $"/v1/vehicles/{linked}/meter", $$"""{"meterId":"XM-linked-{{run}}"}""");

        await SendAsync(system, HttpMethod.Post, "/v1/telemetry/vehicle", Json.Vehicle(own, Iso(t), soc: 100, kwh: Max, batteryTemp: 150));
        await SendAsync(system, HttpMethod.Post, "/v1/telemetry/meter", Json.Meter($"XM-named-{run}", Iso(t), kwh: Max, voltage: 2000, vehicleId: named));
        await SendAsync(system, HttpMethod.Post, "/v1/telemetry/meter", Json.Meter($"XM-linked-{run}", Iso(t), kwh: Max, voltage: 0));
        // 4,000 readings of the largest energy in one minute bucket of one vehicle, and as many attributed by meters.
        var items = new List<string>();
        for (var i = 0; i < 4_000; i++)
        {
            var at = Iso(t.AddTicks(i * 10));
            items.Add($$"""{"type":"vehicle","vehicleId":"{{own}}","soc":0,"kwhDeliveredDc":{{Max}},"batteryTemp":-50,"timestamp":"{{at}}"}""");
            items.Add($$"""{"type":"meter","meterId":"XM-batch-{{run}}","kwhConsumedAc":{{Max}},"voltage":2000,"vehicleId":"{{own}}","timestamp":"{{at}}"}""");
            items.Add($$"""{"type":"meter","meterId":"XM-linked-{{run}}","kwhConsumedAc":{{Max}},"voltage":2000,"timestamp":"{{Iso(t.AddSeconds(1).AddTicks(i * 10))}}"}""");
        }

        foreach (var chunk in items.Chunk(6_000))
        {
            var answer = await SendAsync(system, HttpMethod.Post, "/v1/telemetry/batch", $"[{string.Join(',', chunk)}]");
            Assert.Equal(0, (int)answer["rejected"]!);
        }

        await AssertFiguresMatchHistoryAsync(system, database, [own, linked, named]);
        await system.RestartSiloAsync(0, crash: true);
        await AssertFiguresMatchHistoryAsync(system, database, [own, linked, named]);
    }

    [Fact]
    public async Task A_stored_row_outside_the_limits_is_left_out_and_the_vehicle_keeps_answering_after_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync("legacy");
        await using var system = await RunningSystem.StartAsync(database.ConnectionString);
        var vehicle = $"XV-legacy-{Guid.NewGuid():N}";
        var t = DateTimeOffset.UtcNow.AddMinutes(-10);
        await SendAsync(system, HttpMethod.Post, "/v1/telemetry/vehicle", Json.Vehicle(vehicle, Iso(t), kwh: 2));
        // Rows as an older version accepted them: 2e9 kWh, in the vehicle's current window.
        await database.ScalarAsync("INSERT INTO vehicle_readings VALUES ($1, $2, 50, 2e9, 25)", vehicle, t.AddMinutes(1).UtcDateTime);
        await database.ScalarAsync("INSERT INTO meter_readings VALUES ('XM-legacy', $2, 2e9, 230, $1)", vehicle, t.AddMinutes(1).UtcDateTime);

        await system.RestartSiloAsync(0, crash: true);

        Assert.Equal(2e9, (double)(await GetAsync(system, $"/v1/telemetry/vehicle/{vehicle}/status"))["kwhDeliveredDc"]!);
        var data = (await GetAsync(system, $"/v1/analytics/performance/{vehicle}"))["data"]!;
        Assert.Equal(2m, data["totalDcDelivered"]!.GetValue<decimal>());
        Assert.Equal(0m, data["totalAcConsumed"]!.GetValue<decimal>());
        await SendAsync(system, HttpMethod.Post, "/v1/telemetry/vehicle", Json.Vehicle(vehicle, Iso(t.AddMinutes(2)), kwh: 3));
        Assert.Equal(5m, (await GetAsync(system, $"/v1/analytics/performance/{vehicle}"))["data"]!["totalDcDelivered"]!.GetValue<decimal>());
    }

    private static async Task AssertFiguresMatchHistoryAsync(RunningSystem system, TestDatabase database, string[] vehicles)
    {
        foreach (var vehicle in vehicles)
        {
            var data = (await GetAsync(system, $"/v1/analytics/performance/{vehicle}"))["data"]!;
            await HistoryAggregates.AssertPerformanceMatchesAsync(database, data, vehicle);
        }
    }

    private static async Task<JsonNode> SendAsync(RunningSystem system, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = Json.Body(json) };
        using var response = await system.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>After a crash the gateway may answer 503 until it reaches the restarted silo; that is the contract's answer.</summary>
    private static async Task<JsonNode> GetAsync(RunningSystem system, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await system.Http.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
                return JsonNode.Parse(body)!;
            }

            await Task.Delay(250);
        }
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
