using System.Globalization;
using EnergyActors.Simulator.Shared;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Ingest;

/// <summary>One phase's progress: two short lines rather than a wide table, to fit an 80-column terminal.</summary>
internal sealed class IngestProgressView(string phase, IngestCounters counters) : IProgressView
{
    private readonly RateMeter _recent = new();

    public IRenderable Live(TimeSpan elapsed)
    {
        var accepted = counters.Accepted;
        return new Rows(
            new Markup(
                $"[bold]{Markup.Escape(phase)}[/] {Figures.Number(elapsed.TotalSeconds, "0.0")} s   " +
                $"[bold]{Figures.Number(Figures.PerSecond(accepted, elapsed), "N0")}[/] readings/s (now {Figures.Number(_recent.PerSecond(accepted), "N0")})"),
            new Markup(
                $"requests {Figures.Count(counters.Requests)}   accepted {Figures.Count(accepted)}   " +
                $"duplicates {Figures.Count(counters.Duplicates)}   retried {Figures.Count(counters.Retried)}   failed {Figures.Alarm(counters.Failed)}"));
    }

    public string Plain(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"[{phase}] {elapsed.TotalSeconds,6:0.0} s  requests {counters.Requests:N0}  accepted {counters.Accepted:N0}  " +
        $"{Figures.PerSecond(counters.Accepted, elapsed):N0} readings/s  duplicates {counters.Duplicates:N0}  " +
        $"retried {counters.Retried:N0}  failed {counters.Failed:N0}");
}
