using System.Globalization;
using System.Net;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace EnergyActors.Tests.Faults;

/// <summary>
/// SIGKILL of the only silo while readings flow, with late readings (old timestamps) committed before and after the
/// kill: once the new silo is up, every vehicle's analytics and the fleet view must equal SQL over history, whether a
/// vehicle restored its stored window and read back what came after it, or rebuilt. How long that took is printed.
/// </summary>
public sealed class WindowRecoveryTests(ITestOutputHelper output)
{
    private const int Vehicles = 200;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task After_the_only_silo_is_killed_analytics_and_the_fleet_view_equal_history()
    {
        await using var database = await TestDatabase.CreateAsync("recover");
        await using var system = await RunningSystem.StartAsync(database.ConnectionString, new RunningSystemOptions
        {
            SiloSettings = new Dictionary<string, string> { ["Analytics__WindowStoreSeconds"] = "10", ["Analytics__FleetWakePerSecond"] = "200" },
        });
        var run = Guid.NewGuid().ToString("N")[..6];
        var vehicleIds = Enumerable.Range(0, Vehicles).Select(i => string.Create(CultureInfo.InvariantCulture, $"R{run}-{i}")).ToArray();
        var now = DateTimeOffset.UtcNow;
        await PostLateAsync(system.Http, vehicleIds, now, hoursAgo: [6, 5, 4, 3]);
        await WaitUntilAsync(async () => await database.ScalarAsync("SELECT count(*) FROM vehicle_windows") >= Vehicles, "every vehicle stored its window");

        await using var load = SteadyVehicleLoad.Start(system.GatewayAddress, vehicleIds, now.AddMinutes(-50), concurrency: 16);
        await Task.Delay(TimeSpan.FromSeconds(5));
        // Committed after the stored windows, stamped before everything in them.
        await PostLateAsync(system.Http, vehicleIds, now, hoursAgo: [7]);
        await system.RestartSiloAsync(0, crash: true);
        var ready = load.Elapsed;
        await PostLateAsync(system.Http, vehicleIds, now, hoursAgo: [8]);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await load.StopAsync();

        // The fleet view first, untouched by queries: shards wake their vehicles by themselves.
        await WaitUntilAsync(() => FleetEqualsHistoryAsync(system.Http, database), "the fleet view equal history");
        output.WriteLine($"fleet view equal to history {(load.Elapsed - ready).TotalSeconds:0.0} s after the new silo was ready (load stopped 5 s after it)");
        output.WriteLine($"stored windows: {await database.ScalarAsync("SELECT count(*) FROM vehicle_windows")}, mean {await database.ScalarAsync("SELECT avg(octet_length(buckets))::bigint FROM vehicle_windows")} bytes");
        foreach (var vehicleId in vehicleIds)
        {
            using var response = await system.Http.GetAsync(new Uri($"/v1/analytics/performance/{vehicleId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var (meterReadings, vehicleReadings, _) = await HistoryAggregates.AssertPerformanceMatchesAsync(database, (await Json.ReadAsync(response))["data"]!, vehicleId);
            Assert.True(meterReadings >= 6 && vehicleReadings >= 6, $"{vehicleId}: {meterReadings} meter and {vehicleReadings} vehicle readings");
        }
    }

    /// <summary>Each vehicle gets a DC reading and AC energy from its meter at each of the given hours back, all in one batch.</summary>
    private static async Task PostLateAsync(HttpClient http, string[] vehicleIds, DateTimeOffset now, int[] hoursAgo)
    {
        var items = vehicleIds.SelectMany((id, i) => hoursAgo.SelectMany(h =>
        {
            var ts = now.AddHours(-h).AddSeconds(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var kwh = 1 + (i % 7 * 0.125);
            return new[] { Item(Json.Meter($"M-{id}", ts, kwh: 2, vehicleId: id), "meter"), Item(Json.Vehicle(id, ts, kwh: kwh), "vehicle") };
        }));
        foreach (var chunk in items.Chunk(1_000))
        {
            for (var attempt = 1; ; attempt++)
            {
                using var response = await http.PostAsync(new Uri("/v1/telemetry/batch", UriKind.Relative), Json.Body("[" + string.Join(',', chunk) + "]"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }

                // A 503 (the gateway has not reached the new silo yet) stored nothing, and readings are keyed: a retry is safe.
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 60, $"batch answered {response.StatusCode}");
                await Task.Delay(500);
            }
        }
    }

    // A single reading's JSON with the type the batch endpoint needs in front.
    private static string Item(string json, string type) => $"{{\"type\":\"{type}\",{json.TrimStart('{')}";

    private static async Task<bool> FleetEqualsHistoryAsync(HttpClient http, TestDatabase database)
    {
        using var response = await http.GetAsync(new Uri("/v1/analytics/fleet?limit=1000", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        var entries = (await Json.ReadAsync(response))["vehicles"]!.AsArray();
        if (entries.Count < Vehicles)
        {
            return false;
        }

        foreach (var entry in entries)
        {
            try
            {
                await HistoryAggregates.AssertPerformanceMatchesAsync(database, entry!, (string)entry!["vehicleId"]!);
            }
            catch (XunitException)
            {
                // Not yet: the vehicle has not reported since the restart.
                return false;
            }
        }

        return true;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not reached within {Bound.TotalSeconds:0} s: {what}");
            await Task.Delay(500);
        }
    }
}
