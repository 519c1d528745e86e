using System.Globalization;
using EnergyActors.Simulator.Shared;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Analytics;

/// <summary>A phase's live figures: queries done, rate, latency percentiles and the answers that were not 200.</summary>
internal sealed class AnalyticsProgressView(string phase, long planned, AnalyticsCounters counters, LatencyHistogram latency) : ProgressView(phase)
{
    public override IRenderable Live(TimeSpan elapsed)
    {
        var completed = counters.Completed;
        return new Rows(
            new Markup(
                $"{LiveHeading(elapsed)}   {Figures.Count(completed)} / {Figures.Count(planned)} requests   {LiveRate(completed, elapsed, "requests")}"),
            new Markup(
                $"p50 {Figures.Millis(latency.PercentileMilliseconds(50))} ms   p99 {Figures.Millis(latency.PercentileMilliseconds(99))} ms   " +
                $"not 200 {Figures.Alarm(counters.NotOk)}   errors {Figures.Alarm(counters.Errors)}"));
    }

    public override string Plain(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"{PlainHeading(elapsed)}  {counters.Completed:N0}/{planned:N0} requests  {Figures.PerSecond(counters.Completed, elapsed):N0} requests/s  " +
        $"p50 {Figures.Millis(latency.PercentileMilliseconds(50))} ms  p99 {Figures.Millis(latency.PercentileMilliseconds(99))} ms  " +
        $"not 200 {counters.NotOk:N0}  errors {counters.Errors:N0}");
}
