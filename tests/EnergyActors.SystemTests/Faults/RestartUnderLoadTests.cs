using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Faults;

/// <summary>
/// A silo restart with thousands of known vehicles must not become an ingestion outage: the fleet index
/// answers from what it stored, and vehicles are woken by their own readings or at a bounded pace. The goal
/// (the first minute after the restarted silo is ready ingests at least 80 % of the rate before the restart)
/// is a speed target, printed with its verdict and measured by the benchmark; it compares two processes on a
/// 2-core machine shared with PostgreSQL and the test host, and one CI run saw the restarted silo's whole pace
/// at 43 % of the old one's (first minute 3,429/s, settled 2,977/s, before 6,912/s) with no storm in it. What
/// is asserted is the behaviour that tells a wake-up storm (under 1 % for a minute) from that noise: the first
/// minute keeps up with the restarted silo's own settled pace, and is not a collapse against the pace before.
/// </summary>
public sealed class RestartUnderLoadTests(ITestOutputHelper output)
{
    private const int Vehicles = 3_000;
    private const int ReadingsPerVehicle = 6;
    private const int Concurrency = 32;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Before = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan After = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SettledFrom = TimeSpan.FromSeconds(75);
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(30);

    // A storm leaves the first minute at under 1 % of either pace. Without one, the first 10-15 s after ready run at a
    // few hundred readings/s while the vehicles' first readings activate them (a run gave 77 % of settled, 85 % of
    // before), and noise between processes reached 43 % of before.
    private const double FloorOfSettled = 0.35;
    private const double FloorOfBefore = 0.2;

    [Fact]
    public async Task After_a_restart_with_thousands_of_known_vehicles_ingestion_keeps_its_pace()
    {
        await using var database = await TestDatabase.CreateAsync("wake");
        await using var system = await RunningSystem.StartAsync(database.ConnectionString);
        var run = Guid.NewGuid().ToString("N")[..6];
        var vehicleIds = Enumerable.Range(0, Vehicles).Select(i => string.Create(CultureInfo.InvariantCulture, $"W{run}-{i}")).ToArray();
        var now = DateTimeOffset.UtcNow;
        await SeedAsync(system.Http, vehicleIds, now);
        await WaitForFleetAsync(system.Http, Vehicles, TimeSpan.FromSeconds(60));
        await WaitForStoredEntriesAsync(database, Vehicles, TimeSpan.FromSeconds(30));
        // The seed's pages written out now, not by a checkpoint in the middle of one of the measured phases.
        await database.ScalarAsync("CHECKPOINT");

        await using var load = SteadyVehicleLoad.Start(system.GatewayAddress, vehicleIds, now.AddMinutes(-50), Concurrency);
        await Task.Delay(WarmUp + Before);
        var before = load.RatePerSecond(WarmUp, WarmUp + Before);

        var stopping = load.Elapsed;
        await system.RestartSiloAsync(0);
        var ready = load.Elapsed;
        var fleetRightAfter = await GetFleetAsync(system.Http);
        await Task.Delay(SettledFrom + Settled - (load.Elapsed - ready) + TimeSpan.FromSeconds(1));
        await load.StopAsync();
        var after = load.RatePerSecond(ready, ready + After);
        var settled = load.RatePerSecond(ready + SettledFrom, ready + SettledFrom + Settled);

        output.WriteLine($"{Vehicles} known vehicles, {Concurrency} concurrent single-reading POSTs");
        output.WriteLine($"before restart: {before:0} readings/s over {Before.TotalSeconds:0} s ({load.Profile(WarmUp, WarmUp + Before, TimeSpan.FromSeconds(5))} per 5 s)");
        output.WriteLine($"restart (graceful stop, start, ready) took {(ready - stopping).TotalSeconds:0.0} s; 503s {load.Unavailable}, other failures {load.Failed}");
        output.WriteLine($"after ready:    {after:0} readings/s over {After.TotalSeconds:0} s ({load.Profile(ready, ready + After, TimeSpan.FromSeconds(5))} per 5 s)");
        output.WriteLine($"first 15 s after ready, per second: {load.Profile(ready, ready + TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1))}");
        output.WriteLine($"settled:        {settled:0} readings/s from {SettledFrom.TotalSeconds:0} to {(SettledFrom + Settled).TotalSeconds:0} s after ready");
        output.WriteLine($"first 60 s after ready / before the restart: {after / before:P0} (goal 80 %: {(after >= 0.8 * before ? "met" : "missed")}); / settled rate of the restarted silo: {after / settled:P0}");
        output.WriteLine($"fleet view right after ready: {Total(fleetRightAfter)} vehicles, {NotRefreshed(fleetRightAfter)} of the first 1,000 not yet refreshed");

        Assert.True(Total(fleetRightAfter) >= Vehicles, $"the fleet view after the restart lists {Total(fleetRightAfter)} vehicles, not the {Vehicles} it stored");
        Assert.True(after >= FloorOfSettled * settled, $"ingestion in the first minute after the restart ran at {after:0}/s, under {FloorOfSettled:P0} of the {settled:0}/s the same silo settled at: a wake-up storm");
        Assert.True(after >= FloorOfBefore * before, $"ingestion in the first minute after the restart ran at {after:0}/s, under {FloorOfBefore:P0} of the {before:0}/s before it: a wake-up storm");
    }

    /// <summary>Six hours of readings per vehicle, AC from a meter naming the vehicle and DC at ratios from 0.5 to 1.2, so verdicts differ.</summary>
    private static async Task SeedAsync(HttpClient http, string[] vehicleIds, DateTimeOffset now)
    {
        var items = new List<string>(vehicleIds.Length * ReadingsPerVehicle * 2);
        for (var i = 0; i < vehicleIds.Length; i++)
        {
            var ratio = 0.5 + (0.7 * i / vehicleIds.Length);
            for (var h = 1; h <= ReadingsPerVehicle; h++)
            {
                var ts = now.AddHours(-h).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                items.Add(Item("meter", $"M-{vehicleIds[i]}", ts, $"\"kwhConsumedAc\":2,\"voltage\":230,\"vehicleId\":\"{vehicleIds[i]}\""));
                items.Add(Item("vehicle", vehicleIds[i], ts, $"\"soc\":50,\"kwhDeliveredDc\":{(2 * ratio).ToString("0.######", CultureInfo.InvariantCulture)},\"batteryTemp\":30"));
            }
        }

        // Small batches, two at a time: each activates its devices.
        using var gate = new SemaphoreSlim(2);
        await Task.WhenAll(items.Chunk(2_000).Select(async chunk =>
        {
            await gate.WaitAsync();
            try
            {
                await PostBatchAsync(http, "[" + string.Join(',', chunk) + "]");
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>A 503 acknowledged nothing and a retry is safe (readings are keyed by device and time).</summary>
    private static async Task PostBatchAsync(HttpClient http, string body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.PostAsync(new Uri("/v1/telemetry/batch", UriKind.Relative), Json.Body(body));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return;
            }
        }
    }

    private static async Task WaitForFleetAsync(HttpClient http, int vehicles, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Total(await GetFleetAsync(http)) < vehicles)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the fleet view never listed {vehicles} vehicles");
            await Task.Delay(500);
        }
    }

    private static async Task WaitForStoredEntriesAsync(TestDatabase database, int vehicles, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await database.ScalarAsync("SELECT count(*) FROM fleet_entries") < vehicles)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the fleet index never stored {vehicles} entries");
            await Task.Delay(500);
        }
    }

    /// <summary>The gateway may answer 503 until it reaches the restarted silo; that is the contract's answer.</summary>
    private static async Task<JsonNode> GetFleetAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/v1/analytics/fleet?limit=1000", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await Json.ReadAsync(response);
            }

            await Task.Delay(250);
        }
    }

    private static int Total(JsonNode fleet) => fleet["counts"]!.AsObject().Sum(c => (int)c.Value!);

    private static int NotRefreshed(JsonNode fleet) => fleet["vehicles"]!.AsArray().Count(v => v!["refreshed"] is { } r && !(bool)r);

    private static string Item(string type, string id, string ts, string fields) =>
        new StringBuilder().Append("{\"type\":\"").Append(type).Append("\",\"").Append(type).Append("Id\":\"").Append(id)
            .Append("\",\"timestamp\":\"").Append(ts).Append("\",").Append(fields).Append('}').ToString();
}
