using System.Globalization;
using EnergyActors.Simulator.Shared;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Backfill;

/// <summary>The backfill's live figures: how far through the readings, how fast, and what the gateway answered.</summary>
internal sealed class BackfillProgressView(long planned, IngestCounters counters) : ProgressView("backfill")
{
    public override IRenderable Live(TimeSpan elapsed)
    {
        var sent = counters.Sent;
        return new Rows(
            new Markup(
                $"{LiveHeading(elapsed)}  {Figures.Count(sent)} / {Figures.Count(planned)} readings " +
                $"({Figures.Number(100.0 * sent / Math.Max(planned, 1), "0.0")} %)"),
            new Markup(
                $"{LiveRate(counters.Accepted, elapsed, "readings")}  " +
                $"accepted {Figures.Count(counters.Accepted)}  duplicates {Figures.Count(counters.Duplicates)}"),
            new Markup($"rejected {Figures.Alarm(counters.Rejected)}  retried 503s {Figures.Count(counters.Retried)}  failed {Figures.Alarm(counters.Failed)}"));
    }

    public override string Plain(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"{PlainHeading(elapsed)}  sent {counters.Sent:N0}/{planned:N0}  accepted {counters.Accepted:N0}  " +
        $"duplicates {counters.Duplicates:N0}  rejected {counters.Rejected:N0}  retried {counters.Retried:N0}  failed {counters.Failed:N0}  " +
        $"{Figures.PerSecond(counters.Accepted, elapsed):N0} readings/s");
}
