using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnergyActors.Benchmarks;

/// <summary>
/// Gathers one bench.sh run's files into a Markdown report and one JSON file. Every figure is the median of its phase's
/// runs (min – max beside it) and is set against the ceiling this machine reached in the same run: batches against binary
/// COPY, single readings against a bare Kestrel POST, one-row commits (pgbench) and WAL fdatasync. The goals of issue 14
/// are each marked met or missed; PostgreSQL's own counters per phase and the growth with the device count follow.
/// </summary>
internal static class BenchReport
{
    private const double ReferenceReadingsPerSecond = 28_800_000d / 86_400;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Phases whose PostgreSQL counters the report shows, in run order, with the names the Markdown uses.</summary>
    private static readonly (string Phase, string Title)[] Phases =
    [
        ("ceiling-commits", "pgbench one-row commits"), ("ingest-single", "HTTP single"), ("ingest-batch", "HTTP batch"),
        ("ingest-single-keyed", "HTTP single, keyed"), ("ingest-batch-keyed", "HTTP batch, keyed"), ("grains", "grains in process"),
        ("scale", "scale"), ("copy", "binary COPY"), ("analytics", "analytics, 4 in flight"), ("analytics-64", "analytics, 64 in flight"),
        ("analytics-sql", "analytics by SQL"), ("recovery", "recovery after SIGKILL"), ("memory", "memory"),
    ];

    public static async Task RunAsync(BenchArguments arguments)
    {
        var folder = arguments.Text("folder") ?? "bench-results";
        var runs = new BenchRuns(folder);
        static double? Committed(JsonNode run) => BenchRuns.Number(run, "rowsCommitted") / BenchRuns.Number(run, "elapsedSeconds");

        var fdatasync = runs.Spread("ceiling-fsync", "fdatasyncPerSecond");
        var commits = runs.Spread("ceiling-commits", "commitsPerSecond");
        var kestrel = runs.Spread("ceiling-kestrel", "requestsPerSecond");
        var kestrelP99 = runs.Spread("ceiling-kestrel", "latencyP99Ms");
        var copy = runs.Spread("copy", "rowsPerSecond");
        var spreads = new Dictionary<string, Spread?>
        {
            ["walFdatasyncPerSecond"] = fdatasync,
            ["pgbenchCommitsPerSecond"] = commits,
            ["kestrelRequestsPerSecond"] = kestrel,
            ["kestrelP99Ms"] = kestrelP99,
            ["copyCeilingRowsPerSecond"] = copy,
            ["batchCommittedPerSecond"] = runs.Spread("ingest-batch", Committed),
            ["batchP50Ms"] = runs.Spread("ingest-batch", "latencyP50Ms"),
            ["batchP99Ms"] = runs.Spread("ingest-batch", "latencyP99Ms"),
            ["singleCommittedPerSecond"] = runs.Spread("ingest-single", Committed),
            ["singleP50Ms"] = runs.Spread("ingest-single", "latencyP50Ms"),
            ["singleP99Ms"] = runs.Spread("ingest-single", "latencyP99Ms"),
            ["singleKeyedCommittedPerSecond"] = runs.Spread("ingest-single-keyed", Committed),
            ["singleKeyedP99Ms"] = runs.Spread("ingest-single-keyed", "latencyP99Ms"),
            ["batchKeyedCommittedPerSecond"] = runs.Spread("ingest-batch-keyed", Committed),
            ["batchKeyedP99Ms"] = runs.Spread("ingest-batch-keyed", "latencyP99Ms"),
            ["grainReadingsPerSecond"] = runs.Spread("grains", "readingsPerSecond"),
            ["bytesPerVehicleGrainFullWindow"] = runs.Spread("memory", "bytesPerVehicleGrainFullWindow"),
            ["bytesPerIdleMeterGrain"] = runs.Spread("memory", "bytesPerIdleMeterGrain"),
            ["analyticsP50Ms"] = runs.Spread("analytics", "latencyP50Ms", "p50Ms"),
            ["analyticsP99Ms"] = runs.Spread("analytics", "latencyP99Ms", "p99Ms"),
            ["analytics64P50Ms"] = runs.Spread("analytics-64", "latencyP50Ms", "p50Ms"),
            ["analytics64P99Ms"] = runs.Spread("analytics-64", "latencyP99Ms", "p99Ms"),
            ["analyticsSqlP50Ms"] = runs.Spread("analytics-sql", "latencyP50Ms", "p50Ms"),
            ["analyticsSqlP99Ms"] = runs.Spread("analytics-sql", "latencyP99Ms", "p99Ms"),
            ["recoveryKillToReadySeconds"] = runs.Spread("recovery", "kill_to_ready_s"),
            ["recoveryReadyToExactSeconds"] = runs.Spread("recovery", "ready_to_exact_s"),
            ["recoveryIngestionPercent"] = runs.Spread("recovery", "rate_during_pct"),
            ["storedWindowBytes"] = runs.Spread("recovery", "window_bytes"),
        };
        double? M(string key) => spreads[key]?.Median;

        var single = M("singleCommittedPerSecond");
        var batch = M("batchCommittedPerSecond");
        var figures = new JsonObject();
        foreach (var (key, spread) in spreads)
        {
            figures[key] = spread?.Median;
        }

        figures["batchToCopyRatio"] = batch / copy?.Median;
        figures["singleToKestrelRatio"] = single / kestrel?.Median;
        figures["singleToPgbenchRatio"] = single / commits?.Median;
        figures["singleToFdatasyncRatio"] = single / fdatasync?.Median;
        figures["referenceReadingsPerSecond"] = ReferenceReadingsPerSecond;
        figures["batchToReferenceRatio"] = batch / ReferenceReadingsPerSecond;
        figures["singleToReferenceRatio"] = single / ReferenceReadingsPerSecond;

        var goals = new ReportGoals(spreads, copy?.Median, kestrel?.Median);
        figures["goals"] = goals.ToJson();
        figures["repeats"] = new JsonObject(spreads.Where(s => s.Value is not null).Select(s => KeyValuePair.Create(s.Key, (JsonNode?)new JsonObject
        {
            ["min"] = s.Value!.Min,
            ["median"] = s.Value.Median,
            ["max"] = s.Value.Max,
            ["runs"] = s.Value.Runs,
        })));
        figures["database"] = new JsonObject(Phases.Where(p => runs.Database(p.Phase).Count > 0)
            .Select(p => KeyValuePair.Create(p.Phase, (JsonNode?)PhaseDatabase.Of(runs.Database(p.Phase)).ToJson())));
        var scale = runs.Figures("scale") is [var scaleRun, ..] ? scaleRun["sizes"]?.AsArray() : null;
        figures["scale"] = scale?.DeepClone();

        var markdown = new StringBuilder()
            .AppendLine(ReportTables.Ceilings(fdatasync, commits, kestrel, kestrelP99, copy))
            .AppendLine(ReportTables.Figures(spreads, copy?.Median, kestrel?.Median, commits?.Median, fdatasync?.Median, ReferenceReadingsPerSecond))
            .AppendLine(goals.Markdown())
            .AppendLine(ReportTables.Database(Phases.Select(p => (p.Title, runs.Database(p.Phase))).Where(p => p.Item2.Count > 0)))
            .AppendLine(ReportTables.Scale(scale))
            .ToString();
        Console.WriteLine(markdown);
        await File.WriteAllTextAsync(Path.Combine(folder, "bench-results.md"), markdown);
        await File.WriteAllTextAsync(Path.Combine(folder, "bench-results.json"), figures.ToJsonString(Indented));
    }
}
