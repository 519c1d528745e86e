using System.Diagnostics;
using System.Net;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Faults;

/// <summary>
/// An upgrade restarts every silo in turn while devices keep sending. Ingestion is idempotent, so the gateway retries
/// a grain call whose silo went away instead of answering an error: clients see nothing but 200s, and every reading
/// acknowledged is in history, with the vehicles' figures equal to SQL over it afterwards.
/// </summary>
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private const int Silos = 3;

    /// <summary>Between two restarts, as an operator's script waits for the restarted silo to settle.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_rolling_restart_of_three_silos_under_single_and_batch_load_answers_only_200s_and_loses_nothing()
    {
        await using var database = await TestDatabase.CreateAsync("rolling");
        var timestamps = new Dictionary<string, string> { ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff " };
        await using var system = await RunningSystem.StartAsync(database.ConnectionString, silos: Silos, timestamps, timestamps);
        var shape = new LoadShape
        {
            Workers = 16,
            DevicesPerWorker = 16,
            BatchWorkers = 2,
            BatchSize = 100,
            // Whole seconds, so the ledger matches history exactly; hours back, so the batch clients' clocks stay behind the server's.
            Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-6).ToUnixTimeSeconds()),
            MetersNameVehicles = true,
        };
        await using var load = AcknowledgedLoad.Start(system.GatewayAddress, shape);
        await AcknowledgedLoad.WaitUntilAsync(() => load.Ok >= 1_000, TimeSpan.FromSeconds(60), "1,000 requests are acknowledged");

        var began = Stopwatch.GetTimestamp();
        for (var i = 0; i < Silos; i++)
        {
            var okBefore = load.Ok;
            var restarting = Stopwatch.GetTimestamp();
            await system.RestartSiloAsync(i);
            output.WriteLine($"silo{i} restarted (graceful stop, start, ready) in {Stopwatch.GetElapsedTime(restarting).TotalSeconds:0.0} s; {load.Ok - okBefore} requests acknowledged meanwhile; so far {load.StatusCounts()}");
            await Task.Delay(Settle);
        }

        var elapsed = Stopwatch.GetElapsedTime(began);
        await load.StopAsync();
        output.WriteLine($"per second from the first restart (200s/503s/slow): {RecoveryTimeline.PerSecond(load.Answers, began, TimeSpan.FromSeconds(1), (int)elapsed.TotalSeconds)}");

        var missing = await load.MissingFromHistoryAsync(database);
        var slowest = load.Answers.Max(a => a.Duration);
        output.WriteLine($"rolling restart of {Silos} silos took {elapsed.TotalSeconds:0.0} s under {shape.Workers} single-reading and {shape.BatchWorkers} batch clients ({shape.BatchSize} readings a batch)");
        output.WriteLine($"answers: {load.StatusCounts()}; slowest {slowest.TotalSeconds:0.00} s; {load.Acknowledged.Count} readings acknowledged, {missing.Count} of them missing from history");
        foreach (var line in load.Unexpected.Take(10))
        {
            output.WriteLine($"unexpected: {line}");
        }

        WriteRetries(system);

        Assert.Empty(load.Unexpected);
        Assert.Equal(0, load.Unavailable);
        Assert.Empty(missing);
        await AssertFiguresEqualHistoryAsync(system, database, load);
    }

    /// <summary>Status and analytics answer from grains rebuilt on other silos; both must equal what history holds.</summary>
    private static async Task AssertFiguresEqualHistoryAsync(RunningSystem system, TestDatabase database, AcknowledgedLoad load)
    {
        var vehicles = load.Acknowledged.Where(a => a.Type == "vehicle").GroupBy(a => a.DeviceId).Take(20);
        foreach (var vehicle in vehicles)
        {
            using var status = await system.Http.GetAsync(new Uri($"/v1/telemetry/vehicle/{vehicle.Key}/status", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            // Requests still in flight when the load stopped may have committed newer readings than the ledger's last.
            var newest = await database.ScalarAsync("SELECT extract(epoch FROM max(ts))::bigint FROM vehicle_readings WHERE vehicle_id = $1", vehicle.Key);
            var reported = DateTimeOffset.Parse((string)(await Json.ReadAsync(status))["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(newest, reported.ToUnixTimeSeconds());

            using var performance = await system.Http.GetAsync(new Uri($"/v1/analytics/performance/{vehicle.Key}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, performance.StatusCode);
            var body = await Json.ReadAsync(performance);
            var (meterReadings, vehicleReadings, _) = await HistoryAggregates.AssertPerformanceMatchesAsync(database, body["data"]!, vehicle.Key);
            Assert.True(meterReadings > 0 && vehicleReadings > 0, $"{vehicle.Key}'s window holds {meterReadings} meter and {vehicleReadings} vehicle readings");
        }
    }

    private void WriteRetries(RunningSystem system)
    {
        foreach (var line in system.Gateway.Output.Split('\n').Where(l => l.Contains("retr", StringComparison.OrdinalIgnoreCase) || l.Contains("503", StringComparison.Ordinal)).Take(20))
        {
            output.WriteLine($"gateway: {line.Trim()}");
        }
    }
}
