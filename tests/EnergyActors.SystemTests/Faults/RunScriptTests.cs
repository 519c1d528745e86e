using System.Diagnostics;
using EnergyActors.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Faults;

/// <summary>
/// deploy/local/run.sh itself: a silo dying does not take the stack down (the script reports it and the
/// other silo serves), and SIGTERM still stops everything, PostgreSQL included.
/// </summary>
public sealed class RunScriptTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AfterKill = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task When_a_silo_of_run_sh_is_killed_ingestion_is_served_again_within_10_s_and_SIGTERM_stops_everything()
    {
        Assert.Equal("Release", RepositoryPaths.Configuration);
        var started = Stopwatch.StartNew();
        await using var run = await RunScript.StartAsync(TimeSpan.FromSeconds(120), "--silos", "2");
        output.WriteLine($"run.sh serving after {started.Elapsed.TotalSeconds:F0} s");
        var pids = run.Pids();
        Assert.All(new[] { "run", "postgres", "silo0", "silo1", "gateway" }, name => Assert.True(pids.ContainsKey(name), $"stack.pids lacks {name}"));

        await using (var load = AcknowledgedLoad.Start(run.Gateway, workers: 8, devicesPerWorker: 8))
        {
            await AcknowledgedLoad.WaitUntilAsync(() => load.Ok >= 500, TimeSpan.FromSeconds(60), "500 readings are acknowledged");
            var killedAt = Stopwatch.GetTimestamp();
            await RunScript.SignalAsync(pids["silo0"], "KILL");
            await Task.Delay(AfterKill);
            await load.StopAsync();

            var timeline = RecoveryTimeline.Measure(load.Answers, killedAt, Slow, AfterKill);
            output.WriteLine($"run.sh --silos 2, silo0 SIGKILLed: {timeline}");
            output.WriteLine($"per second after the kill (200s/503s/slow): {RecoveryTimeline.PerSecond(load.Answers, killedAt, Slow, 15)}");
            Assert.Empty(load.Unexpected);
            Assert.Equal(0, load.UnavailableWithoutRetryAfter);
            Assert.True(timeline.RecoveredAfter <= TimeSpan.FromSeconds(10), $"Ingestion was not served again within 10 s: {timeline}");
            Assert.True(timeline.OkAfterRecovery >= 200, $"Too few readings served after recovery: {timeline}");
            await using var history = NpgsqlDataSource.Create(run.ConnectionString());
            Assert.Empty(await load.MissingFromHistoryAsync(history));
        }

        Assert.False(run.HasExited, $"run.sh exited after a silo died:\n{run.Output}");
        Assert.Contains($"silo0 (pid {pids["silo0"]}) died (killed by SIGKILL)", run.Output, StringComparison.Ordinal);
        Assert.Contains("silo0", await File.ReadAllTextAsync(Path.Combine(run.DataDir, "logs", "run.log")), StringComparison.Ordinal);
        Assert.False(run.Pids().ContainsKey("silo0"), "stack.pids still lists the dead silo");

        Assert.True(await run.StopAsync(TimeSpan.FromSeconds(90)), $"run.sh did not stop on SIGTERM:\n{run.Output}");
        output.WriteLine(run.Output[Math.Max(0, run.Output.Length - 600)..]);
        // pg_ctl returns once the postmaster has removed its pid file, a moment before the process is gone.
        var others = pids.Where(p => p.Key != "silo0").ToList();
        await AcknowledgedLoad.WaitUntilAsync(
            () => !others.Any(p => RunScript.IsRunning(p.Value)),
            TimeSpan.FromSeconds(10),
            "every process of the stack has exited (running when run.sh returned: " + string.Join(", ", others.Where(p => RunScript.IsRunning(p.Value)).Select(p => $"{p.Key} {p.Value}")) + ")");

        Assert.False(File.Exists(Path.Combine(run.DataDir, "pg", "postmaster.pid")), "PostgreSQL did not shut down");
        Assert.False(File.Exists(Path.Combine(run.DataDir, "stack.pids")), "stack.pids outlived the stack");
        Directory.Delete(run.DataDir, recursive: true);
        output.WriteLine($"whole test {started.Elapsed.TotalSeconds:F0} s");
    }
}
