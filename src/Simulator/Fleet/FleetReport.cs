using EnergyActors.Simulator.Shared;
using Spectre.Console;

namespace EnergyActors.Simulator.Fleet;

/// <summary>The end-of-run table, the failure samples, the verification lines and the verdict.</summary>
internal static class FleetReport
{
    public static void Render(FleetResult result, IReadOnlyCollection<string> failureSamples)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(failureSamples);
        var table = new Table().Border(TableBorder.Rounded).Title("fleet result");
        table.AddColumn("figure");
        table.AddColumn(new TableColumn("value").RightAligned());
        var composition = result.Composition;
        table.AddRow("devices", $"{Figures.Count(result.Meters)} meters, {Figures.Count(result.Vehicles)} vehicles");
        table.AddRow("vehicles healthy / faulty / sensor fault",
            $"{Figures.Count(composition.Healthy)} / {Figures.Count(composition.Faulty)} / {Figures.Count(composition.SensorFault)}");
        table.AddRow("simulated", Markup.Escape($"{result.SimulatedStart} → {result.SimulatedEnd}"));
        table.AddRow("interval, speedup", $"{Figures.Number(result.IntervalSeconds, "0.###")} s, ×{Figures.Number(result.Speedup, "0.###")}");
        table.AddRow("sending", result.BatchSize == 1 ? "single readings" : $"batches of {Figures.Count(result.BatchSize)}");
        table.AddRow("concurrency", Figures.Count(result.Concurrency));
        table.AddRow("stopped by", Markup.Escape(result.StopReason));
        table.AddRow("rounds sent / planned", $"{Figures.Count(result.RoundsQueued)} / {Figures.Count(result.RoundsPlanned)}");
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

        if (result.Verify is { } verify)
        {
            RenderVerify(verify);
        }

        Terminal.Out.MarkupLine(result.Passed ? "[green]PASS[/]" : "[red]FAIL[/]");
    }

    private static void RenderVerify(VerifyResult verify)
    {
        Terminal.Out.MarkupLineInterpolated($"verify: {verify.SampledVehicles} sampled vehicles");
        foreach (var check in verify.Checks)
        {
            if (check.Failed == 0)
            {
                Terminal.Out.MarkupLineInterpolated($"  [green]PASS[/] {check.Name}: {check.Passed} of {check.Passed} vehicles");
                continue;
            }

            Terminal.Out.MarkupLineInterpolated($"  [red]FAIL[/] {check.Name}: {check.Failed} of {check.Passed + check.Failed} vehicles differ");
            foreach (var mismatch in check.Mismatches)
            {
                Terminal.Out.MarkupLineInterpolated($"       {mismatch}");
            }
        }
    }
}
