using System.Globalization;
using EnergyActors.Simulator.Shared;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Analytics;

/// <summary>A phase's live figures: queries done, rate, latency percentiles and the answers that were not 200.</summary>
internal sealed class AnalyticsProgressView(string phase, long planned, AnalyticsCounters counters, LatencyHistogram latency) : IProgressView
{
    private readonly RateMeter _recent = new();

    public IRenderable Live(TimeSpan elapsed)
    {
        var completed = counters.Completed;
        return new Rows(
            new Markup(
                $"[bold]{Markup.Escape(phase)}[/] {Figures.Number(elapsed.TotalSeconds, "0.0")} s   {Figures.Count(completed)} / {Figures.Count(planned)} requests   " +
                $"[bold]{Figures.Number(Figures.PerSecond(completed, elapsed), "N0")}[/] requests/s (now {Figures.Number(_recent.PerSecond(completed), "N0")})"),
            new Markup(
                $"p50 {Figures.Millis(latency.PercentileMilliseconds(50))} ms   p99 {Figures.Millis(latency.PercentileMilliseconds(99))} ms   " +
                $"not 200 {Figures.Alarm(counters.NotOk)}   errors {Figures.Alarm(counters.Errors)}"));
    }

    public string Plain(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"[{phase}] {elapsed.TotalSeconds,6:0.0} s  {counters.Completed:N0}/{planned:N0} requests  {Figures.PerSecond(counters.Completed, elapsed):N0} requests/s  " +
        $"p50 {Figures.Millis(latency.PercentileMilliseconds(50))} ms  p99 {Figures.Millis(latency.PercentileMilliseconds(99))} ms  " +
        $"not 200 {counters.NotOk:N0}  errors {counters.Errors:N0}");
}
