using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Shared;

/// <summary>
/// Shows a run's progress until it ends: live lines on a terminal, or a plain line every 5 s
/// when the output is redirected (logs and CI, where redrawing would leave escape codes).
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static bool Interactive => !Console.IsOutputRedirected && Terminal.Out.Profile.Capabilities.Interactive;

    public static Task FollowAsync(ProgressView view, long startedAt, Task running)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(running);
        return Interactive ? LiveAsync(view, startedAt, running) : PlainAsync(view, startedAt, running);
    }

    private static async Task LiveAsync(ProgressView view, long startedAt, Task running)
    {
        await Terminal.Out.Live(view.Live(Stopwatch.GetElapsedTime(startedAt))).AutoClear(false).StartAsync(async context =>
        {
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(LiveInterval));
                context.UpdateTarget(view.Live(Stopwatch.GetElapsedTime(startedAt)));
            }
        });
    }

    private static async Task PlainAsync(ProgressView view, long startedAt, Task running)
    {
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(PlainInterval));
            Console.WriteLine(view.Plain(Stopwatch.GetElapsedTime(startedAt)));
        }
    }
}

/// <summary>
/// What a command shows while it runs: live lines on a terminal, one plain line per tick otherwise. The base
/// holds the heading and the rate fragment every view shows, so a phase reads the same in every command and
/// a change of wording lands in all of them.
/// </summary>
internal abstract class ProgressView(string name)
{
    private readonly RateMeter _recent = new();

    public abstract IRenderable Live(TimeSpan elapsed);

    public abstract string Plain(TimeSpan elapsed);

    /// <summary>The bold name and the seconds run, with no trailing gap: each view spaces what follows its own way.</summary>
    protected string LiveHeading(TimeSpan elapsed) => $"[bold]{Markup.Escape(name)}[/] {Figures.Number(elapsed.TotalSeconds, "0.0")} s";

    /// <summary>
    /// The mean rate in bold and the rate since the previous redraw beside it, where a stall shows at once.
    /// Call it once per redraw: the recent rate is measured from the previous call.
    /// </summary>
    protected string LiveRate(long total, TimeSpan elapsed, string unit) =>
        $"[bold]{Figures.Number(Figures.PerSecond(total, elapsed), "N0")}[/] {unit}/s (now {Figures.Number(_recent.PerSecond(total), "N0")})";

    /// <summary>The name in brackets and the seconds, padded so the plain lines of a log align.</summary>
    protected string PlainHeading(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"[{name}] {elapsed.TotalSeconds,6:0.0} s");
}

/// <summary>The rate of a growing total since the previous sample: the "now" figure beside a run's average.</summary>
internal sealed class RateMeter
{
    private long _lastTotal;
    private long _lastAt = Stopwatch.GetTimestamp();

    public double PerSecond(long total)
    {
        var now = Stopwatch.GetTimestamp();
        var seconds = Math.Max(Stopwatch.GetElapsedTime(_lastAt, now).TotalSeconds, 0.001);
        var rate = (total - _lastTotal) / seconds;
        (_lastTotal, _lastAt) = (total, now);
        return rate;
    }
}

