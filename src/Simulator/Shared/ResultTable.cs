using Spectre.Console;

namespace EnergyActors.Simulator.Shared;

/// <summary>The end-of-run table every command prints, and the rows the gateway-posting commands word alike.</summary>
internal static class ResultTable
{
    public static Table Create(string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn("figure");
        table.AddColumn(new TableColumn("value").RightAligned());
        return table;
    }

    /// <summary>
    /// Requests through the accepted rate, as fleet and backfill word them. Ingest words and splits its rows
    /// differently (rejected only when any, one row per latency), and its output is kept as it is.
    /// </summary>
    public static void AddCounters(Table table, IngestFigures figures)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(figures);
        table.AddRow("requests", Figures.Count(figures.Requests));
        table.AddRow("accepted", Figures.Count(figures.Accepted));
        table.AddRow("duplicates", Figures.Count(figures.Duplicates));
        table.AddRow("rejected", Figures.Alarm(figures.Rejected));
        table.AddRow("retried (503)", Figures.Count(figures.Retried));
        table.AddRow("failed requests", Figures.Alarm(figures.Failed));
        if (figures.Abandoned > 0)
        {
            table.AddRow("abandoned at stop (503, not retried)", Figures.Count(figures.Abandoned));
        }

        table.AddRow("elapsed s", Figures.Number(figures.ElapsedSeconds, "0.00"));
        table.AddRow("accepted readings/s", $"[bold]{Figures.Number(figures.AcceptedPerSecond, "N0")}[/]");
    }

    /// <summary>The four latencies on one row; separate from <see cref="AddCounters"/> so backfill can put its sent rate between.</summary>
    public static void AddLatencies(Table table, IngestFigures figures)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(figures);
        table.AddRow("request latency p50 / p90 / p99 / max ms",
            $"{Figures.Number(figures.LatencyP50Ms, "0.00")} / {Figures.Number(figures.LatencyP90Ms, "0.00")} / " +
            $"{Figures.Number(figures.LatencyP99Ms, "0.00")} / {Figures.Number(figures.LatencyMaxMs, "0.00")}");
    }
}
