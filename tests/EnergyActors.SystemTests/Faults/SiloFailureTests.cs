using System.Diagnostics;
using System.Net;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Faults;

/// <summary>Silos restart and crash; acknowledged readings survive and grains come back with their status.</summary>
public sealed class SiloFailureTests(ITestOutputHelper output)
{
    /// <summary>Requests slower than this count as not served, like failed ones.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);

    /// <summary>The window after the kill over which the 503 share is reported.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>
    /// On the product's own membership and client settings: after a SIGKILL of one of two silos, every request
    /// is served again (a 200 within <see cref="Slow"/>) within 10 s, measured from the kill to the end of the last
    /// request that failed or was slower than that.
    /// </summary>
    [Fact]
    public async Task With_two_silos_under_load_and_one_killed_every_request_is_served_again_within_10_s_and_every_200_is_in_history()
    {
        await using var database = await TestDatabase.CreateAsync("kill");
        // Timestamps in the processes' logs (only logging: membership and client settings are the product's).
        var timestamps = new Dictionary<string, string> { ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff " };
        await using var system = await RunningSystem.StartAsync(database.ConnectionString, silos: 2, timestamps, timestamps);
        await using var load = AcknowledgedLoad.Start(system.GatewayAddress, workers: 24, devicesPerWorker: 16);

        // Every device's grain is active (on either silo) and answering quickly before the kill.
        await AcknowledgedLoad.WaitUntilAsync(() => load.Ok >= 2_000, TimeSpan.FromSeconds(60), "2,000 readings are acknowledged");
        var killedAt = Stopwatch.GetTimestamp();
        output.WriteLine($"SIGKILL of silo 1 at {DateTime.Now:HH:mm:ss.fff}");
        system.Silo(1).Kill();
        var okAtKill = load.Ok;
        var rest = Window - Stopwatch.GetElapsedTime(killedAt);
        await Task.Delay(rest > TimeSpan.Zero ? rest : TimeSpan.Zero);
        await load.StopAsync();

        var timeline = RecoveryTimeline.Measure(load.Answers, killedAt, Slow, Window);
        var missing = await load.MissingFromHistoryAsync(database);
        output.WriteLine($"two silos, one SIGKILLed: {timeline}");
        output.WriteLine($"per second after the kill (200s/503s/slow): {RecoveryTimeline.PerSecond(load.Answers, killedAt, Slow, 15)}");
        output.WriteLine($"ok at kill {okAtKill}, ok total {load.Ok}, 503s {load.Unavailable}, unexpected {load.Unexpected.Count}");
        WriteLogLines("survivor", system.Silo(0).Output, "Evicting");
        WriteLogLines("gateway", system.Gateway.Output, "Gateway connections");

        Assert.Empty(load.Unexpected);
        Assert.Equal(0, load.UnavailableWithoutRetryAfter);
        Assert.Empty(missing);
        Assert.True(timeline.RecoveredAfter <= TimeSpan.FromSeconds(10), $"Not every request was served again within 10 s: {timeline}");
        Assert.True(timeline.OkAfterRecovery >= 1_000, $"Too few readings served after recovery: {timeline}");

        // Devices whose grains lived on the dead silo answer from the survivor, restored from history.
        foreach (var (type, deviceId, _) in load.Acknowledged.DistinctBy(a => (a.Type, a.DeviceId)).Take(50))
        {
            using var status = await system.Http.GetAsync(new Uri($"/v1/telemetry/{type}/{deviceId}/status", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_a_silo_restart_status_is_restored_from_history(bool crash)
    {
        await using var database = await TestDatabase.CreateAsync("restart");
        await using var system = await RunningSystem.StartAsync(database.ConnectionString);
        var meterId = $"MTR-{Guid.NewGuid():N}";
        var vehicleId = $"VEH-{Guid.NewGuid():N}";
        await PostOkAsync(system.Http, "meter", Json.Meter(meterId, "2026-01-31T14:05:00Z", kwh: 2.5, voltage: 241, vehicleId: "VEH-7"));
        await PostOkAsync(system.Http, "meter", Json.Meter(meterId, "2026-01-31T14:00:00Z", kwh: 1.5, voltage: 239));
        await PostOkAsync(system.Http, "vehicle", Json.Vehicle(vehicleId, "2026-01-31T14:05:00+01:00", soc: 81, kwh: 1.1, batteryTemp: 33));

        await system.RestartSiloAsync(0, crash);

        var meter = await GetStatusAsync(system.Http, $"/v1/telemetry/meter/{meterId}/status");
        Assert.Equal(2.5, (double)meter["kwhConsumedAc"]!);
        Assert.Equal(241, (double)meter["voltage"]!);
        Assert.Equal("VEH-7", (string)meter["vehicleId"]!);
        Assert.Equal("2026-01-31T14:05:00Z", (string)meter["timestamp"]!);
        var vehicle = await GetStatusAsync(system.Http, $"/v1/telemetry/vehicle/{vehicleId}/status");
        Assert.Equal(81, (double)vehicle["soc"]!);
        Assert.Equal("2026-01-31T13:05:00Z", (string)vehicle["timestamp"]!);
    }

    /// <summary>Log lines containing <paramref name="text"/>, with the line before (the simple console format puts the timestamp there).</summary>
    private void WriteLogLines(string process, string log, string text)
    {
        var lines = log.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                output.WriteLine($"{process}: {lines[i - 1].Trim()} {lines[i].Trim()}");
            }
        }
    }

    private static async Task PostOkAsync(HttpClient http, string type, string json)
    {
        using var response = await http.PostAsync(new Uri($"/v1/telemetry/{type}", UriKind.Relative), Json.Body(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The gateway may need a moment to reconnect to the restarted silo; a 503 in between is the contract's answer.</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> GetStatusAsync(HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return await Json.ReadAsync(response);
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            await Task.Delay(250);
        }
    }
}
