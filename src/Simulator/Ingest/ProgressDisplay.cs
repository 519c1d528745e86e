using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace EnergyActors.Simulator.Ingest;

/// <summary>
/// Shows a phase's progress until it ends: live lines on a terminal, or a plain line every 5 s
/// when the output is redirected (logs and CI, where redrawing would leave escape codes).
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static bool Interactive => !Console.IsOutputRedirected && Terminal.Out.Profile.Capabilities.Interactive;

    public static Task FollowAsync(string phase, IngestCounters counters, long startedAt, Task running) =>
        Interactive ? LiveAsync(phase, counters, startedAt, running) : PlainAsync(phase, counters, startedAt, running);

    private static async Task LiveAsync(string phase, IngestCounters counters, long startedAt, Task running)
    {
        var last = (Accepted: 0L, At: startedAt);
        await Terminal.Out.Live(Lines(phase, counters, startedAt, 0)).AutoClear(false).StartAsync(async context =>
        {
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(LiveInterval));
                var now = (Accepted: counters.Accepted, At: Stopwatch.GetTimestamp());
                var recent = (now.Accepted - last.Accepted) / Seconds(last.At, now.At);
                last = now;
                context.UpdateTarget(Lines(phase, counters, startedAt, recent));
            }
        });
    }

    private static async Task PlainAsync(string phase, IngestCounters counters, long startedAt, Task running)
    {
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(PlainInterval));
            var elapsed = Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{phase}] {elapsed,6:0.0} s  requests {counters.Requests:N0}  accepted {counters.Accepted:N0}  " +
                $"{counters.Accepted / Math.Max(elapsed, 0.001):N0} readings/s  duplicates {counters.Duplicates:N0}  " +
                $"retried {counters.Retried:N0}  failed {counters.Failed:N0}"));
        }
    }

    // Two short lines rather than a wide table: it has to fit an 80-column terminal.
    private static Rows Lines(string phase, IngestCounters counters, long startedAt, double recentPerSecond)
    {
        var elapsed = Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
        var failed = counters.Failed == 0 ? "0" : $"[red]{Format(counters.Failed, "N0")}[/]";
        return new Rows(
            new Markup(
                $"[bold]{Markup.Escape(phase)}[/] {Format(elapsed, "0.0")} s   " +
                $"[bold]{Format(counters.Accepted / Math.Max(elapsed, 0.001), "N0")}[/] readings/s (now {Format(recentPerSecond, "N0")})"),
            new Markup(
                $"requests {Format(counters.Requests, "N0")}   accepted {Format(counters.Accepted, "N0")}   " +
                $"duplicates {Format(counters.Duplicates, "N0")}   retried {Format(counters.Retried, "N0")}   failed {failed}"));
    }

    private static double Seconds(long from, long to) => Math.Max(Stopwatch.GetElapsedTime(from, to).TotalSeconds, 0.001);

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
