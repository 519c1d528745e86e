using EnergyActors.Simulator.Shared;
using Spectre.Console;

namespace EnergyActors.Simulator.Ingest;

/// <summary>The end-of-run table, the failure samples and the verdict.</summary>
internal static class IngestReport
{
    public static void Render(IngestResult result, IReadOnlyCollection<string> failureSamples)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(failureSamples);
        var table = ResultTable.Create("ingest result");
        table.AddRow("mode", result.Mode == "batch" ? $"batch ({Count(result.ReadingsPerRequest)} per request)" : result.Mode);
        table.AddRow("devices", $"{Count(result.Meters)} meters, {Count(result.Vehicles)} vehicles");
        table.AddRow("concurrency", Count(result.Concurrency));
        table.AddRow("stopped by", Markup.Escape(result.StopReason));
        table.AddRow("requests", Count(result.Requests));
        table.AddRow("readings accepted", Count(result.Accepted));
        table.AddRow("duplicates", Count(result.Duplicates));
        if (result.Rejected > 0)
        {
            table.AddRow("[red]rejected batch items[/]", $"[red]{Count(result.Rejected)}[/]");
        }

        table.AddRow("retried (503)", Count(result.Retried));
        table.AddRow("failed", Figures.Alarm(result.Failed));
        if (result.Abandoned > 0)
        {
            table.AddRow("abandoned at stop (503, not retried)", Count(result.Abandoned));
        }

        table.AddRow("elapsed s", Number(result.ElapsedSeconds, "0.00"));
        table.AddRow("accepted readings/s", $"[bold]{Number(result.AcceptedPerSecond, "N0")}[/]");
        table.AddRow("request latency p50 ms", Number(result.LatencyP50Ms, "0.00"));
        table.AddRow("request latency p90 ms", Number(result.LatencyP90Ms, "0.00"));
        table.AddRow("request latency p99 ms", Number(result.LatencyP99Ms, "0.00"));
        table.AddRow("request latency max ms", Number(result.LatencyMaxMs, "0.00"));
        if (result.RowsChecked)
        {
            var rows = result.RowsCommitted is { } committed ? Count(committed) : "unknown";
            table.AddRow("rows committed", result.RowsCommitted == result.Accepted ? $"[green]{rows}[/]" : $"[red]{rows}[/]");
        }

        Terminal.Out.Write(table);
        RunVerdict.WriteFailures(failureSamples);

        if (result.RowsChecked && result.RowsCommitted is { } added && added != result.Accepted)
        {
            Terminal.Out.MarkupLineInterpolated(
                $"[red]{added:N0} rows were added to the history tables for {result.Accepted:N0} accepted readings.[/]");
        }

        RunVerdict.Write(result.Passed);
    }

    private static string Count(long value) => Figures.Count(value);

    private static string Number(double value, string format) => Figures.Number(value, format);
}
