using Spectre.Console;

namespace EnergyActors.Simulator.Shared;

/// <summary>The lines every command prints under its result table: the first failures, then PASS or FAIL.</summary>
internal static class RunVerdict
{
    public static void WriteFailures(IReadOnlyCollection<string> failureSamples)
    {
        ArgumentNullException.ThrowIfNull(failureSamples);
        if (failureSamples.Count > 0)
        {
            Terminal.Out.MarkupLine("[yellow]First failures:[/]");
            foreach (var sample in failureSamples)
            {
                Terminal.Out.MarkupLineInterpolated($"  [yellow]{sample}[/]");
            }
        }
    }

    public static void Write(bool passed) => Terminal.Out.MarkupLine(passed ? "[green]PASS[/]" : "[red]FAIL[/]");
}
