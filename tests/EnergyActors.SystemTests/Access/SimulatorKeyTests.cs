using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Access;

/// <summary>The simulator against a gateway that needs keys: with --key (read from the environment) its readings are taken; without, it fails and says 401.</summary>
[Collection(SecureSystemCollection.Name)]
public sealed class SimulatorKeyTests(SecureSystemFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_simulator_ingests_with_a_device_key_and_fails_without_one()
    {
        var fleet = await fixture.CreateFleetAsync("sim");
        var (_, key) = await fixture.CreateKeyAsync(fleet, "device");

        var (keyed, keyedOutput) = await RunIngestAsync(new Dictionary<string, string> { ["EA_TEST_KEY"] = key }, "--key", "env:EA_TEST_KEY");
        Assert.True(keyed == 0, keyedOutput);
        Assert.Contains("PASS", keyedOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(key, keyedOutput, StringComparison.Ordinal);

        var (bare, bareOutput) = await RunIngestAsync(new Dictionary<string, string>());
        Assert.True(bare != 0, bareOutput);
        Assert.Contains("401", bareOutput, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> RunIngestAsync(Dictionary<string, string> environment, params string[] key)
    {
        string[] arguments =
        [
            "ingest", "--gateway", fixture.System.GatewayAddress.ToString(), .. key, "--meters", "2", "--vehicles", "2",
            "--duration", "0", "--readings", "20", "--warmup", "0", "--concurrency", "2", "--prefix", $"sim-{Guid.NewGuid():N}"[..12],
        ];
        await using var simulator = new ChildProcess("simulator", RepositoryPaths.SimulatorDll, environment, arguments);
        simulator.Start();
        Assert.True(await simulator.WaitForExitAsync(RunTimeout) is not null, "the simulator did not finish:\n" + simulator.Tail());
        return (simulator.ExitCode, simulator.Output);
    }
}
