using System.Net;
using EnergyActors.Tests.Access;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Alerts;

/// <summary>
/// The simulator's default fleet (a tenth charging badly, a few sensor faults) under the default alert rules: its
/// --verify finds the active efficiency alerts to be exactly the ones its faulty vehicles deserve, with none raised
/// and cleared again, once the hold-off has passed.
/// </summary>
[Collection(SecureSystemCollection.Name)]
public sealed class FleetAlertVerifyTests(SecureSystemFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(240);

    [Fact]
    public async Task The_default_fleet_raises_only_the_alerts_its_faulty_vehicles_deserve()
    {
        var fleet = await fixture.CreateFleetAsync("sim-alerts");
        var (_, key) = await fixture.CreateKeyAsync(fleet, "operator");
        // Half a day of charging in 30 s, so most vehicles charge and their windows hold the rules' evidence.
        string[] arguments =
        [
            "fleet", "--gateway", fixture.System.GatewayAddress.ToString(), "--key", "env:EA_TEST_KEY",
            "--speedup", "1440", "--duration", "30s", "--batch", "200", "--verify", "--prefix", $"va-{Guid.NewGuid():N}"[..10],
        ];
        await using var simulator = new ChildProcess("simulator", RepositoryPaths.SimulatorDll, new Dictionary<string, string> { ["EA_TEST_KEY"] = key }, arguments);
        simulator.Start();
        Assert.True(await simulator.WaitForExitAsync(RunTimeout) is not null, "the simulator did not finish:\n" + simulator.Tail());
        output.WriteLine(simulator.Output);
        Assert.True(simulator.ExitCode == 0, simulator.Output);
        Assert.Contains("PASS active efficiency alerts = the ones its faulty vehicles deserve", simulator.Output, StringComparison.Ordinal);

        using var alerts = await fixture.SendAsync(HttpMethod.Get, "/v1/alerts?active=true&limit=1000", key);
        Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
        Assert.Contains((await Json.ReadAsync(alerts))["alerts"]!.AsArray(), a => ((string)a!["kind"]!).StartsWith("EFFICIENCY_", StringComparison.Ordinal));
    }
}
