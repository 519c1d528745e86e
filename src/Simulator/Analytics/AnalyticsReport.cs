using EnergyActors.Simulator.Shared;
using Spectre.Console;

namespace EnergyActors.Simulator.Analytics;

/// <summary>The end-of-run table, the failure samples and the verdict.</summary>
internal static class AnalyticsReport
{
    public static void Render(AnalyticsResult result, IReadOnlyCollection<string> failureSamples)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(failureSamples);
        var table = ResultTable.Create($"analytics result ({result.Target})");
        table.AddRow("queried", Markup.Escape(result.Via));
        table.AddRow("vehicles", Markup.Escape($"{Figures.Count(result.Vehicles)} ({result.Prefix}VEH-000001 …)"));
        table.AddRow("concurrency", Figures.Count(result.Concurrency));
        table.AddRow("warm-up requests", Figures.Count(result.Warmup));
        table.AddRow("stopped by", Markup.Escape(result.StopReason));
        table.AddRow("requests measured", Figures.Count(result.Completed));
        table.AddRow(result.Target == "sql" ? "ran" : "200", Figures.Count(result.Ok));
        table.AddRow("not 200", Figures.Alarm(result.NotOk));
        table.AddRow("errors (no answer)", Figures.Alarm(result.Errors));
        if (result.NotOk > 0)
        {
            table.AddRow("answers by status", string.Join(", ", result.StatusCounts.Select(s => $"{s.Key}: {Figures.Count(s.Value)}")));
        }

        table.AddRow("elapsed s", Figures.Number(result.ElapsedSeconds, "0.00"));
        table.AddRow("requests/s", $"[bold]{Figures.Number(result.RequestsPerSecond, "N0")}[/]");
        table.AddRow("latency p50 ms", Figures.Millis(result.LatencyP50Ms));
        table.AddRow("latency p90 ms", Figures.Millis(result.LatencyP90Ms));
        table.AddRow("latency p99 ms", Figures.Millis(result.LatencyP99Ms));
        table.AddRow("latency max ms", Figures.Millis(result.LatencyMaxMs));
        Terminal.Out.Write(table);
        RunVerdict.WriteFailures(failureSamples);
        RunVerdict.Write(result.Passed);
    }
}
