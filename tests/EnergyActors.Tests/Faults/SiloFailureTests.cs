using System.Net;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Faults;

/// <summary>Silos restart and crash; acknowledged readings survive and grains come back with their status.</summary>
public sealed class SiloFailureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task With_two_silos_under_load_and_one_killed_the_cluster_keeps_serving_and_every_200_is_in_history()
    {
        await using var database = await TestDatabase.CreateAsync("kill");
        await using var system = await RunningSystem.StartAsync(database.ConnectionString, silos: 2, FaultSettings.Silo, FaultSettings.Gateway);
        await using var load = AcknowledgedLoad.Start(system.GatewayAddress, workers: 24, devicesPerWorker: 16);

        await AcknowledgedLoad.WaitUntilAsync(() => load.Ok >= 500, TimeSpan.FromSeconds(60), "500 readings are acknowledged");
        system.Silo(1).Kill();
        var okAtKill = load.Ok;
        await AcknowledgedLoad.WaitUntilAsync(() => load.Ok >= okAtKill + 1_000, TimeSpan.FromSeconds(90), "1,000 more readings are acknowledged by the surviving silo");
        await load.StopAsync();

        var missing = await load.MissingFromHistoryAsync(database);
        output.WriteLine($"ok at kill {okAtKill}, ok total {load.Ok}, 503s {load.Unavailable}, unexpected {load.Unexpected.Count}");
        Assert.Empty(load.Unexpected);
        Assert.Equal(0, load.UnavailableWithoutRetryAfter);
        Assert.Empty(missing);

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
        await using var system = await RunningSystem.StartAsync(database.ConnectionString, extraGatewaySettings: FaultSettings.Gateway);
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
