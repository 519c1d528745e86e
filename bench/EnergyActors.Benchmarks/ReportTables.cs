using System.Text;
using System.Text.Json.Nodes;

namespace EnergyActors.Benchmarks;

/// <summary>The report's Markdown tables other than the goals: ceilings, figures with their spread, PostgreSQL per phase, scale.</summary>
internal static class ReportTables
{
    public static string Ceilings(Spread? fdatasync, Spread? commits, Spread? kestrel, Spread? kestrelP99, Spread? copy) =>
        new StringBuilder()
            .AppendLine("#### Ceilings (this machine, this run)")
            .AppendLine()
            .AppendLine("| Ceiling | Figure |")
            .AppendLine("| --- | ---: |")
            .AppendLine($"| WAL fdatasync, 8 kB writes (pg_test_fsync) | {ReportText.Number(fdatasync?.Median, "syncs/s")} |")
            .AppendLine($"| One-row INSERT commits, same clients as the single phase (pgbench) | {ReportText.Number(commits?.Median, "commits/s")} |")
            .AppendLine($"| Bare Kestrel JSON POST, same connections (wrk) | {ReportText.Number(kestrel?.Median, "requests/s")}, p99 {ReportText.Number(kestrelP99?.Median, "ms")} |")
            .AppendLine($"| Binary COPY into history | {ReportText.Number(copy?.Median, "rows/s")} |")
            .ToString();

    public static string Figures(
        IReadOnlyDictionary<string, Spread?> s, double? copy, double? kestrel, double? commits, double? fdatasync, double reference)
    {
        var runs = s.Values.Where(v => v is not null).Select(v => v!.Runs).DefaultIfEmpty(0).Max();
        var single = s["singleCommittedPerSecond"]?.Median;
        var batch = s["batchCommittedPerSecond"]?.Median;
        string Row(string measure, string key, string? unit, string ratio) =>
            $"| {measure} | {ReportText.Number(s[key]?.Median, unit)} | {s[key]?.Range() ?? "n/a"} | {ratio} |";
        string Latency(string measure, string p50, string p99) =>
            $"| {measure} | {ReportText.Number(s[p50]?.Median, null)} / {ReportText.Number(s[p99]?.Median, "ms")} | p99 {s[p99]?.Range() ?? "n/a"} | — |";
        return new StringBuilder()
            .AppendLine($"#### Figures (median of up to {runs} runs; min – max)")
            .AppendLine()
            .AppendLine("| Measure | Median | Min – max | Against the ceiling |")
            .AppendLine("| --- | ---: | ---: | --- |")
            .AppendLine(Row("HTTP batches of 1,000, committed", "batchCommittedPerSecond", "readings/s", $"{ReportText.Ratio(batch, copy)} of COPY"))
            .AppendLine(Latency("  batch latency p50 / p99", "batchP50Ms", "batchP99Ms"))
            .AppendLine(Row("HTTP single-reading POSTs, committed", "singleCommittedPerSecond", "readings/s",
                $"{ReportText.Ratio(single, kestrel)} of bare Kestrel, {ReportText.Ratio(single, commits)} of pgbench commits, {ReportText.Ratio(single, fdatasync)} of fdatasync/s"))
            .AppendLine(Latency("  single latency p50 / p99", "singleP50Ms", "singleP99Ms"))
            .AppendLine(Row("  the same with a device key (auth + rate limit)", "singleKeyedCommittedPerSecond", "readings/s",
                $"{ReportText.Ratio(s["singleKeyedCommittedPerSecond"]?.Median, single)} of anonymous; p99 {ReportText.Number(s["singleKeyedP99Ms"]?.Median, "ms")}"))
            .AppendLine(Row("HTTP batches of 1,000 with a device key", "batchKeyedCommittedPerSecond", "readings/s",
                $"{ReportText.Ratio(s["batchKeyedCommittedPerSecond"]?.Median, batch)} of anonymous"))
            .AppendLine(Row("Grains + history writer (in process)", "grainReadingsPerSecond", "readings/s", $"{ReportText.Ratio(s["grainReadingsPerSecond"]?.Median, copy)} of COPY"))
            .AppendLine(Latency("Analytics endpoint p50 / p99, 4 in flight", "analyticsP50Ms", "analyticsP99Ms"))
            .AppendLine(Latency("Analytics endpoint p50 / p99, 64 in flight", "analytics64P50Ms", "analytics64P99Ms"))
            .AppendLine(Latency("Same figures by SQL scan p50 / p99", "analyticsSqlP50Ms", "analyticsSqlP99Ms"))
            .AppendLine(Row("Vehicle grain, full 24 h window", "bytesPerVehicleGrainFullWindow", "B", "—"))
            .AppendLine(Row("Idle meter grain", "bytesPerIdleMeterGrain", "B", "—"))
            .AppendLine(Row("Recovery: SIGKILL of the only silo to the new one ready", "recoveryKillToReadySeconds", "s", "—"))
            .AppendLine(Row("Recovery: ready to every vehicle's analytics and the fleet view exact", "recoveryReadyToExactSeconds", "s",
                $"ingestion meanwhile {ReportText.Number(s["recoveryIngestionPercent"]?.Median, "%")} of before; stored window {ReportText.Number(s["storedWindowBytes"]?.Median, "B")}"))
            .AppendLine($"| Reference engine's target | {ReportText.Number(reference, "readings/s")} | — | batch ×{ReportText.Number(batch / reference, null)}, single ×{ReportText.Number(single / reference, null)} |")
            .ToString();
    }

    public static string Database(IEnumerable<(string Title, IReadOnlyList<JsonNode> Runs)> phases)
    {
        var table = new StringBuilder()
            .AppendLine("#### PostgreSQL per phase (medians over the runs; whole server, settle before each run)")
            .AppendLine()
            .AppendLine("| Phase | Runs | s | Commits/s | Rows inserted/s | WAL MB/s | WAL syncs/s | Commits per sync | Mean sync ms | Autovacuum: workers at start / runs during | Settle s |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
        foreach (var (title, runs) in phases)
        {
            var d = PhaseDatabase.Of(runs);
            static string N(Spread? s) => ReportText.Number(s?.Median, null);
            table.AppendLine($"| {title} | {runs.Count} | {N(d.Seconds)} | {N(d.CommitsPerSecond)} | {N(d.RowsInsertedPerSecond)} | {N(d.WalMegabytesPerSecond)} | " +
                $"{N(d.WalSyncsPerSecond)} | {N(d.CommitsPerSync)} | {N(d.MeanSyncMs)} | {N(d.AutovacuumWorkersAtStart)} / {N(d.AutovacuumRunsDuring)} | {N(d.SettleSeconds)} |");
        }

        return table.ToString();
    }

    public static string Scale(JsonArray? sizes)
    {
        var table = new StringBuilder()
            .AppendLine("#### How cost grows (in process, half meters and half vehicles, a few readings each)")
            .AppendLine()
            .AppendLine("| Devices | Activated | Activations/s | Readings/s | Managed heap per device |")
            .AppendLine("| ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in sizes ?? [])
        {
            table.AppendLine($"| {ReportText.Number(BenchRuns.Number(size, "devices"), null)} | {ReportText.Number(BenchRuns.Number(size, "activated"), null)} | " +
                $"{ReportText.Number(BenchRuns.Number(size, "activationsPerSecond"), null)} | {ReportText.Number(BenchRuns.Number(size, "readingsPerSecond"), null)} | " +
                $"{ReportText.Number(BenchRuns.Number(size, "bytesPerDevice"), "B")} |");
        }

        return table.ToString();
    }
}
