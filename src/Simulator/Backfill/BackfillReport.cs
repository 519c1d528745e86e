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
        var table = ResultTable.Create("backfill result");
        table.AddRow("devices", $"{Figures.Count(result.Vehicles)} vehicles, {Figures.Count(result.Meters)} meters");
        table.AddRow("period", Markup.Escape($"{result.From} → {result.To} ({result.Hours} h, a reading a minute)"));
        table.AddRow("sending", result.BatchSize == 1 ? "single readings" : $"batches of {Figures.Count(result.BatchSize)}");
        table.AddRow("concurrency", Figures.Count(result.Concurrency));
        table.AddRow("stopped by", Markup.Escape(result.StopReason));
        table.AddRow("readings sent / planned", $"{Figures.Count(result.ReadingsSent)} / {Figures.Count(result.ReadingsPlanned)}");
        ResultTable.AddCounters(table, result);
        table.AddRow("sent readings/s", Figures.Number(result.SentPerSecond, "N0"));
        ResultTable.AddLatencies(table, result);
        Terminal.Out.Write(table);
        RunVerdict.WriteFailures(failureSamples);
        RunVerdict.Write(result.Passed);
    }
}
