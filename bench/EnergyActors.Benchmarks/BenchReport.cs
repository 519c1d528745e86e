using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnergyActors.Benchmarks;

/// <summary>
/// Gathers one bench.sh run's JSON files into the Markdown table of the README and one JSON file, with
/// the ratios that make the figures readable: end to end against the COPY ceiling, and against the
/// reference engine's 28.8 M readings a day (333/s).
/// </summary>
internal static class BenchReport
{
    private const double ReferenceReadingsPerSecond = 28_800_000d / 86_400;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task RunAsync(BenchArguments arguments)
    {
        var folder = arguments.Text("folder") ?? "bench-results";
        JsonNode? Read(string name) => File.Exists(Path.Combine(folder, name)) ? JsonNode.Parse(File.ReadAllText(Path.Combine(folder, name))) : null;
        double? Number(JsonNode? node, params string[] names) =>
            names.Select(n => node?[n]).FirstOrDefault(v => v is not null) is { } v ? v.GetValue<double>() : null;

        var copy = Read("copy.json");
        var batch = Read("ingest-batch.json");
        var single = Read("ingest-single.json");
        var batchKeyed = Read("ingest-batch-keyed.json");
        var singleKeyed = Read("ingest-single-keyed.json");
        var grains = Read("grains.json");
        var memory = Read("memory.json");
        var analytics = Read("analytics.json");
        var analyticsSql = Read("analytics-sql.json");
        double? Committed(JsonNode? run) => Number(run, "rowsCommitted") / Number(run, "elapsedSeconds");

        var ceiling = Number(copy, "rowsPerSecond");
        var batchRate = Committed(batch);
        var singleRate = Committed(single);
        var batchKeyedRate = Committed(batchKeyed);
        var singleKeyedRate = Committed(singleKeyed);
        var figures = new JsonObject
        {
            ["copyCeilingRowsPerSecond"] = ceiling,
            ["batchCommittedPerSecond"] = batchRate,
            ["batchP50Ms"] = Number(batch, "latencyP50Ms"),
            ["batchP99Ms"] = Number(batch, "latencyP99Ms"),
            ["batchToCopyRatio"] = batchRate / ceiling,
            ["singleCommittedPerSecond"] = singleRate,
            ["singleP50Ms"] = Number(single, "latencyP50Ms"),
            ["singleP99Ms"] = Number(single, "latencyP99Ms"),
            ["singleKeyedCommittedPerSecond"] = singleKeyedRate,
            ["singleKeyedP99Ms"] = Number(singleKeyed, "latencyP99Ms"),
            ["batchKeyedCommittedPerSecond"] = batchKeyedRate,
            ["grainReadingsPerSecond"] = Number(grains, "readingsPerSecond"),
            ["bytesPerVehicleGrainFullWindow"] = Number(memory, "bytesPerVehicleGrainFullWindow"),
            ["bytesPerIdleMeterGrain"] = Number(memory, "bytesPerIdleMeterGrain"),
            ["analyticsP50Ms"] = Number(analytics, "latencyP50Ms", "p50Ms"),
            ["analyticsP99Ms"] = Number(analytics, "latencyP99Ms", "p99Ms"),
            ["analyticsSqlP50Ms"] = Number(analyticsSql, "latencyP50Ms", "p50Ms"),
            ["analyticsSqlP99Ms"] = Number(analyticsSql, "latencyP99Ms", "p99Ms"),
            ["referenceReadingsPerSecond"] = ReferenceReadingsPerSecond,
            ["batchToReferenceRatio"] = batchRate / ReferenceReadingsPerSecond,
            ["singleToReferenceRatio"] = singleRate / ReferenceReadingsPerSecond,
        };

        var table = new StringBuilder()
            .AppendLine("| Measure | Figure | Target / ratio |")
            .AppendLine("| --- | ---: | --- |")
            .AppendLine(Row("Binary COPY into history (ceiling)", F(ceiling, "readings/s"), $"{F(Number(copy, "rows"), "rows")}"))
            .AppendLine(Row("HTTP batches of 1,000, committed", F(batchRate, "readings/s"), $"≥ 50 % of COPY: {P(batchRate / ceiling)}"))
            .AppendLine(Row("  batch latency p50 / p99", $"{F(Number(batch, "latencyP50Ms"), null)} / {F(Number(batch, "latencyP99Ms"), "ms")}", "—"))
            .AppendLine(Row("HTTP single-reading POSTs, committed", F(singleRate, "readings/s"), "≥ 10,000/s"))
            .AppendLine(Row("  single latency p50 / p99", $"{F(Number(single, "latencyP50Ms"), null)} / {F(Number(single, "latencyP99Ms"), "ms")}", "p99 < 50 ms"))
            .AppendLine(Row("  the same with a device key (auth + rate limit)", F(singleKeyedRate, "readings/s"), $"{P(singleKeyedRate / singleRate)} of anonymous; p99 {F(Number(singleKeyed, "latencyP99Ms"), "ms")}"))
            .AppendLine(Row("HTTP batches of 1,000 with a device key", F(batchKeyedRate, "readings/s"), $"{P(batchKeyedRate / batchRate)} of anonymous"))
            .AppendLine(Row("Grains + history writer (in-process)", F(Number(grains, "readingsPerSecond"), "readings/s"), "—"))
            .AppendLine(Row("Vehicle grain, full 24 h window", F(Number(memory, "bytesPerVehicleGrainFullWindow"), "B"), "≤ 32 KiB"))
            .AppendLine(Row("Idle meter grain", F(Number(memory, "bytesPerIdleMeterGrain"), "B"), "≤ 4 KiB"))
            .AppendLine(Row("Analytics endpoint p50 / p99", $"{F(Number(analytics, "latencyP50Ms", "p50Ms"), null)} / {F(Number(analytics, "latencyP99Ms", "p99Ms"), "ms")}", "p99 < 2 ms"))
            .AppendLine(Row("Same figures by SQL scan p50 / p99", $"{F(Number(analyticsSql, "latencyP50Ms", "p50Ms"), null)} / {F(Number(analyticsSql, "latencyP99Ms", "p99Ms"), "ms")}", "—"))
            .AppendLine(Row("Reference engine's target", F(ReferenceReadingsPerSecond, "readings/s"), $"batch ×{F(batchRate / ReferenceReadingsPerSecond, null)}, single ×{F(singleRate / ReferenceReadingsPerSecond, null)}"))
            .ToString();
        Console.WriteLine(table);
        await File.WriteAllTextAsync(Path.Combine(folder, "bench-results.md"), table);
        await File.WriteAllTextAsync(Path.Combine(folder, "bench-results.json"), figures.ToJsonString(Indented));
    }

    private static string Row(string measure, string figure, string target) => $"| {measure} | {figure} | {target} |";

    private static string F(double? value, string? unit) =>
        value is { } v ? v.ToString(v >= 100 ? "N0" : "0.###", CultureInfo.InvariantCulture) + (unit is null ? string.Empty : " " + unit) : "n/a";

    private static string P(double? ratio) => ratio is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "n/a";
}
