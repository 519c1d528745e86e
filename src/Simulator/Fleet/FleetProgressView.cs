using System.Globalization;
using EnergyActors.Simulator.Shared;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Fleet;

/// <summary>The fleet run's live figures: simulated clock and rounds, reading counts, rate and latency.</summary>
internal sealed class FleetProgressView(RoundTracker rounds, IngestCounters counters, LatencyHistogram latency) : ProgressView("fleet")
{
    public override IRenderable Live(TimeSpan elapsed)
    {
        var accepted = counters.Accepted;
        var behind = rounds.Behind(elapsed);
        // Short lines rather than a wide table: they have to fit an 80-column terminal with millions in them.
        return new Rows(
            new Markup(
                $"{LiveHeading(elapsed)}  simulated {Figures.Timestamp(rounds.SimulatedNow)}  " +
                $"round {Figures.Count(rounds.Queued)}/{Figures.Count(rounds.Planned)}" + (behind > 0 ? $" [yellow](behind {Figures.Count(behind)})[/]" : string.Empty)),
            new Markup($"sent {Figures.Count(counters.Sent)}  accepted {Figures.Count(accepted)}  duplicates {Figures.Count(counters.Duplicates)}"),
            new Markup($"rejected {Figures.Alarm(counters.Rejected)}  retried 503s {Figures.Count(counters.Retried)}  failed {Figures.Alarm(counters.Failed)}"),
            new Markup(
                $"{LiveRate(accepted, elapsed, "readings")}  " +
                $"latency p50 {Figures.Number(latency.PercentileMilliseconds(50), "0.00")} ms  p99 {Figures.Number(latency.PercentileMilliseconds(99), "0.00")} ms"));
    }

    public override string Plain(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"{PlainHeading(elapsed)}  simulated {Figures.Timestamp(rounds.SimulatedNow)}  round {rounds.Queued:N0}/{rounds.Planned:N0} (behind {rounds.Behind(elapsed):N0})  " +
        $"sent {counters.Sent:N0}  accepted {counters.Accepted:N0}  duplicates {counters.Duplicates:N0}  rejected {counters.Rejected:N0}  " +
        $"retried {counters.Retried:N0}  failed {counters.Failed:N0}  {Figures.PerSecond(counters.Accepted, elapsed):N0} readings/s  " +
        $"p50 {latency.PercentileMilliseconds(50):0.00} ms  p99 {latency.PercentileMilliseconds(99):0.00} ms");
}
