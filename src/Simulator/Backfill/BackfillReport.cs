using EnergyActors.Simulator.Shared;
using Spectre.Console;

namespace EnergyActors.Simulator.Backfill;

/// <summary>The end-of-run table, the failure samples and the verdict.</summary>
internal static class BackfillReport
{
    public static void Render(BackfillResult result, IReadOnlyCollection<string> failureSamples)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(failureSamples);
        var table = new Table().Border(TableBorder.Rounded).Title("backfill result");
        table.AddColumn("figure");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("devices", $"{Figures.Count(result.Vehicles)} vehicles, {Figures.Count(result.Meters)} meters");
        table.AddRow("period", Markup.Escape($"{result.From} → {result.To} ({result.Hours} h, a reading a minute)"));
        table.AddRow("sending", result.BatchSize == 1 ? "single readings" : $"batches of {Figures.Count(result.BatchSize)}");
        table.AddRow("concurrency", Figures.Count(result.Concurrency));
        table.AddRow("stopped by", Markup.Escape(result.StopReason));
        table.AddRow("readings sent / planned", $"{Figures.Count(result.ReadingsSent)} / {Figures.Count(result.ReadingsPlanned)}");
        table.AddRow("requests", Figures.Count(result.Requests));
        table.AddRow("accepted", Figures.Count(result.Accepted));
        table.AddRow("duplicates", Figures.Count(result.Duplicates));
        table.AddRow("rejected", Figures.Alarm(result.Rejected));
        table.AddRow("retried (503)", Figures.Count(result.Retried));
        table.AddRow("failed requests", Figures.Alarm(result.Failed));
        if (result.Abandoned > 0)
        {
            table.AddRow("abandoned at stop (503, not retried)", Figures.Count(result.Abandoned));
        }

        table.AddRow("elapsed s", Figures.Number(result.ElapsedSeconds, "0.00"));
        table.AddRow("accepted readings/s", $"[bold]{Figures.Number(result.AcceptedPerSecond, "N0")}[/]");
        table.AddRow("sent readings/s", Figures.Number(result.SentPerSecond, "N0"));
        table.AddRow("request latency p50 / p90 / p99 / max ms",
            $"{Figures.Number(result.LatencyP50Ms, "0.00")} / {Figures.Number(result.LatencyP90Ms, "0.00")} / " +
            $"{Figures.Number(result.LatencyP99Ms, "0.00")} / {Figures.Number(result.LatencyMaxMs, "0.00")}");
        Terminal.Out.Write(table);

        if (failureSamples.Count > 0)
        {
            Terminal.Out.MarkupLine("[yellow]First failures:[/]");
            foreach (var sample in failureSamples)
            {
                Terminal.Out.MarkupLineInterpolated($"  [yellow]{sample}[/]");
            }
        }

        Terminal.Out.MarkupLine(result.Passed ? "[green]PASS[/]" : "[red]FAIL[/]");
    }
}
