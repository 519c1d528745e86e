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
        var table = ResultTable.Create("fleet result");
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
        ResultTable.AddCounters(table, result);
        ResultTable.AddLatencies(table, result);
        Terminal.Out.Write(table);
        RunVerdict.WriteFailures(failureSamples);

        if (result.Verify is { } verify)
        {
            RenderVerify(verify);
        }

        RunVerdict.Write(result.Passed);
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
