using System.Globalization;
using System.Net;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Operations;

/// <summary>
/// At the default log level the silos and the gateway write about their own life (start, stop, membership, partitions,
/// warnings), never about each request or each grain placed: a run over many devices once filled a log with two lines
/// per activation. Two silos, so that placements and directory entries also cross between silos.
/// </summary>
public sealed class QuietLogTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Devices = 1_000;
    private const int ReadingsPerDevice = 2;

    // Entries below Warning: a start-up straggler or a membership line may land while the load runs; one entry per
    // hundred devices would already be a per-request or per-activation line that happens to be rare.
    private const int MostQuietEntries = Devices / 100;

    // Warnings stay on at the default level, and a starved machine (the suite shares its cores) rightly warns of stalls
    // and long turns; a warning per device would still be far above this.
    private const int MostEntries = Devices / 20;

    private TestDatabase _database = null!;
    private RunningSystem _system = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("quietlog");
        _system = await RunningSystem.StartAsync(_database.ConnectionString, silos: 2);
    }

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Readings_reads_and_activations_of_a_thousand_devices_add_a_handful_of_log_lines_at_most()
    {
        // The processes' own start-up lines are not what is measured: let the last of them land first.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = LineCounts();

        var run = Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var devices = Enumerable.Range(0, Devices).Select(i => (Vehicle: i % 2 == 0, Id: $"quiet-{run}-{i:D4}")).ToList();
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (device, cancellation) =>
        {
            for (var r = 0; r < ReadingsPerDevice; r++)
            {
                var ts = start.AddMinutes(r).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                var (path, body) = device.Vehicle
                    ? ("/v1/telemetry/vehicle", Json.Vehicle(device.Id, ts))
                    : ("/v1/telemetry/meter", Json.Meter(device.Id, ts));
                using var posted = await _system.Http.PostAsync(path, Json.Body(body), cancellation);
                Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            }

            // Reads of each device, and of one never seen (a 404 and an activation that finds nothing).
            var kind = device.Vehicle ? "vehicle" : "meter";
            using var status = await _system.Http.GetAsync($"/v1/telemetry/{kind}/{device.Id}/status", cancellation);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            using var unknown = await _system.Http.GetAsync($"/v1/telemetry/{kind}/{device.Id}-unknown/status", cancellation);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            if (device.Vehicle)
            {
                using var analytics = await _system.Http.GetAsync($"/v1/analytics/performance/{device.Id}", cancellation);
                Assert.Equal(HttpStatusCode.OK, analytics.StatusCode);
            }
        });

        // Whatever the load set off afterwards (fleet reports, index flushes) has time to log too.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var after = LineCounts();

        var quiet = 0;
        var all = 0;
        foreach (var (process, lines) in after)
        {
            var entries = NewEntries(process, before[process]);
            quiet += entries.Count(entry => !IsWarningOrWorse(entry));
            all += entries.Count;
            output.WriteLine($"{process}: {lines - before[process]} new lines, {entries.Count} entries ({string.Join(", ", entries.GroupBy(e => e[..4]).Select(g => $"{g.Count()} {g.Key}"))}) for {Devices} devices, {Devices * ReadingsPerDevice} readings");
        }

        Assert.True(quiet <= MostQuietEntries && all <= MostEntries, $"{quiet} entries below Warning and {all} in all for {Devices} devices; the new lines:\n{NewLines(before)}");
    }

    /// <summary>The console's simple format starts each entry with its level (info:, warn:, fail:, crit:, dbug:, trce:).</summary>
    private static bool IsEntryStart(string line) => line.Length > 5 && line[4] == ':' && line[..4] is "trce" or "dbug" or "info" or "warn" or "fail" or "crit";

    private static bool IsWarningOrWorse(string entry) => entry[..4] is "warn" or "fail" or "crit";

    private List<string> NewEntries(string process, int linesBefore) =>
        [.. Lines(Process(process).Output).Skip(linesBefore).Where(IsEntryStart)];

    private ChildProcess Process(string name) => name == "gateway" ? _system.Gateway : _system.Silo(int.Parse(name[4..], CultureInfo.InvariantCulture));

    private Dictionary<string, int> LineCounts()
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < _system.SiloCount; i++)
        {
            counts[$"silo{i}"] = Lines(_system.Silo(i).Output).Length;
        }

        counts["gateway"] = Lines(_system.Gateway.Output).Length;
        return counts;
    }

    private string NewLines(Dictionary<string, int> before) =>
        string.Join('\n', before.SelectMany(p => Lines(Process(p.Key).Output).Skip(p.Value).Take(20).Select(line => $"{p.Key}: {line}")));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
