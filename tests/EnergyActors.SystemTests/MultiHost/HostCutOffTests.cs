using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.MultiHost;

/// <summary>
/// Silos on three machines, PostgreSQL and the gateway on machines of their own: the cluster forms across the network,
/// and when one silo's machine drops off the network under load (no FIN, no RST, no shutdown) the others declare it
/// dead, take over its grains, and lose no acknowledged reading. The figures are printed; only generous bounds are held.
/// </summary>
public sealed class HostCutOffTests(ITestOutputHelper output)
{
    /// <summary>Requests slower than this count as not served, like failed ones.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(2);

    /// <summary>Bound on declaring the cut-off silo dead and on serving every request again (the product's settings give seconds).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>How long the load runs after the cut once the silo is declared dead, to see service settle.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(25);

    private const int CutSilo = 1;

    [SkippableFact]
    public async Task A_silo_host_cut_off_under_load_is_declared_dead_its_grains_return_on_the_others_and_every_200_is_in_history()
    {
        var membership = ProductMembershipSettings();
        output.WriteLine($"membership (the product's, src/Silo/appsettings.json): {string.Join(", ", membership.Select(m => $"{m.Key}={m.Value}"))}");
        var siloSettings = new Dictionary<string, string> { ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff " };
        await using var cluster = await MultiHostCluster.StartAsync(siloSettings);
        var system = cluster.System;
        output.WriteLine($"network {cluster.Subnet}: silos at {string.Join(", ", Enumerable.Range(0, MultiHostCluster.SiloCount).Select(i => cluster.SiloHost(i).Address))}, gateway at {system.GatewayAddress}");
        Assert.Equal(MultiHostCluster.SiloCount, await ActiveSilosAsync(cluster));

        await using var load = AcknowledgedLoad.Start(system.GatewayAddress, workers: 16, devicesPerWorker: 16, apiKey: cluster.OperatorKey);
        await AcknowledgedLoad.WaitUntilAsync(() => load.Ok >= 1_500, TimeSpan.FromSeconds(90), "1,500 readings are acknowledged");
        var stored = await cluster.Database.ScalarAsync(
            "SELECT (SELECT count(*) FROM meter_readings WHERE meter_id LIKE $1) + (SELECT count(*) FROM vehicle_readings WHERE vehicle_id LIKE $1)", load.Prefix + "%");
        output.WriteLine($"before the cut: {load.Ok} acknowledged, {stored} in history");
        Assert.True(stored > 0, "Readings acknowledged through the gateway are in history.");

        var cutAt = Stopwatch.GetTimestamp();
        await cluster.CutOffSiloAsync(CutSilo);
        output.WriteLine($"silo {CutSilo} ({cluster.SiloHost(CutSilo).Address}) cut off at {DateTime.Now:HH:mm:ss.fff}");
        var declaredDead = await WaitUntilDeadAsync(cluster, cluster.SiloHost(CutSilo).Address, cutAt);
        output.WriteLine(declaredDead is { } dead
            ? $"declared dead (status 6) {dead.TotalSeconds:F1} s after the cut"
            : $"not declared dead within {Bound.TotalSeconds} s");

        await Task.Delay(Settle);
        await load.StopAsync();
        // Still running, cut off: a SIGTERM would only wait out its shutdown against a cluster it cannot reach.
        system.Silo(CutSilo).Kill();
        var timeline = RecoveryTimeline.Measure(load.Answers, cutAt, Slow, Stopwatch.GetElapsedTime(cutAt));
        var missing = await load.MissingFromHistoryAsync(cluster.Database.DataSource);
        output.WriteLine($"after the cut: {timeline}");
        output.WriteLine($"per second after the cut (200s/503s/slow): {RecoveryTimeline.PerSecond(load.Answers, cutAt, Slow, 40)}");
        output.WriteLine($"client-visible answers after the cut by status (0 = no answer): {StatusCounts(load.Answers.Where(a => a.Ended > cutAt))}");
        output.WriteLine($"whole run: {load.Ok} acknowledged, {load.Unavailable} 503s, {load.Unexpected.Count} other; acknowledged but missing from history: {missing.Count}");
        foreach (var line in load.Unexpected.GroupBy(u => u.Length > 120 ? u[..120] : u).Take(5))
        {
            output.WriteLine($"  {line.Count()} x {line.Key}");
        }

        foreach (var survivor in Enumerable.Range(0, MultiHostCluster.SiloCount).Where(i => i != CutSilo))
        {
            WriteLogLines(system.Silo(survivor).Output, $"silo{survivor}", "Evicting");
        }

        WriteLogLines(system.Gateway.Output, "gateway", "Gateway connections", "lost");

        Assert.True(declaredDead is not null, $"The cut-off silo was not declared dead within {Bound}.");
        Assert.Empty(missing);
        Assert.True(timeline.RecoveredAfter <= Bound, $"Not every request was served again within {Bound}: {timeline}");
        Assert.True(timeline.OkAfterRecovery >= 200, $"Too few readings served after recovery: {timeline}");
        Assert.Equal(MultiHostCluster.SiloCount - 1, await ActiveSilosAsync(cluster));
        await AssertEveryDeviceAnswersAsync(system, cluster.OperatorKey, load);
    }

    /// <summary>The silo's row going to status 6 (Dead) in the membership table; null when it did not within <see cref="Bound"/>.</summary>
    private static async Task<TimeSpan?> WaitUntilDeadAsync(MultiHostCluster cluster, string address, long cutAt)
    {
        while (Stopwatch.GetElapsedTime(cutAt) < Bound)
        {
            var dead = await cluster.Database.ScalarAsync(
                "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND address = $2 AND status = 6", cluster.System.ClusterId, address);
            if (dead > 0)
            {
                return Stopwatch.GetElapsedTime(cutAt);
            }

            await Task.Delay(200);
        }

        return null;
    }

    private static Task<long> ActiveSilosAsync(MultiHostCluster cluster) =>
        cluster.Database.ScalarAsync("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND status = 3", cluster.System.ClusterId);

    /// <summary>Every device of the load answers its status (those whose grains lived on the cut-off silo from a survivor).</summary>
    private static async Task AssertEveryDeviceAnswersAsync(RunningSystem system, string key, AcknowledgedLoad load)
    {
        using var http = system.NewClient(TimeSpan.FromSeconds(30));
        http.BaseAddress = system.GatewayAddress;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var devices = load.Acknowledged.Select(a => (a.Type, a.DeviceId)).Distinct().ToList();
        var failures = new List<string>();
        foreach (var (type, deviceId) in devices)
        {
            using var response = await http.GetAsync(new Uri($"/v1/telemetry/{type}/{deviceId}/status", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{type} {deviceId}: {(int)response.StatusCode}");
            }
        }

        Assert.True(devices.Count > 0 && failures.Count == 0, $"Of {devices.Count} devices, these did not answer 200: {string.Join("; ", failures.Take(10))}");
    }

    private static string StatusCounts(IEnumerable<AnsweredRequest> answers) =>
        string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}: {g.Count()}")));

    /// <summary>The failure-detection settings the silos run with, as the built silo's appsettings.json gives them.</summary>
    private static Dictionary<string, string> ProductMembershipSettings()
    {
        var path = Path.Combine(Path.GetDirectoryName(RepositoryPaths.SiloDll)!, "appsettings.json");
        var json = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        return json["Orleans"]!["Membership"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.ToString());
    }

    /// <summary>
    /// The first few log lines containing any of <paramref name="texts"/>, with the line before (the simple console
    /// format puts the timestamp there).
    /// </summary>
    private void WriteLogLines(string log, string process, params string[] texts)
    {
        var lines = log.Split('\n');
        foreach (var i in Enumerable.Range(1, Math.Max(0, lines.Length - 1)).Where(i => texts.Any(t => lines[i].Contains(t, StringComparison.Ordinal))).Take(4))
        {
            output.WriteLine($"{process}: {lines[i - 1].Trim()} {lines[i].Trim()}");
        }
    }
}
