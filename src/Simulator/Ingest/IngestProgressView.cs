using System.Globalization;
using EnergyActors.Simulator.Shared;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Ingest;

/// <summary>One phase's progress: two short lines rather than a wide table, to fit an 80-column terminal.</summary>
internal sealed class IngestProgressView(string phase, IngestCounters counters) : ProgressView(phase)
{
    public override IRenderable Live(TimeSpan elapsed)
    {
        var accepted = counters.Accepted;
        return new Rows(
            new Markup($"{LiveHeading(elapsed)}   {LiveRate(accepted, elapsed, "readings")}"),
            new Markup(
                $"requests {Figures.Count(counters.Requests)}   accepted {Figures.Count(accepted)}   " +
                $"duplicates {Figures.Count(counters.Duplicates)}   retried {Figures.Count(counters.Retried)}   failed {Figures.Alarm(counters.Failed)}"));
    }

    public override string Plain(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"{PlainHeading(elapsed)}  requests {counters.Requests:N0}  accepted {counters.Accepted:N0}  " +
        $"{Figures.PerSecond(counters.Accepted, elapsed):N0} readings/s  duplicates {counters.Duplicates:N0}  " +
        $"retried {counters.Retried:N0}  failed {counters.Failed:N0}");
}
