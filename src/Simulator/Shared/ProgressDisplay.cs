using System.Diagnostics;
using Spectre.Console;

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

    public static Task FollowAsync(IProgressView view, long startedAt, Task running)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(running);
        return Interactive ? LiveAsync(view, startedAt, running) : PlainAsync(view, startedAt, running);
    }

    private static async Task LiveAsync(IProgressView view, long startedAt, Task running)
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

    private static async Task PlainAsync(IProgressView view, long startedAt, Task running)
    {
        while (!running.IsCompleted)
        {
            await Task.WhenAny(running, Task.Delay(PlainInterval));
            Console.WriteLine(view.Plain(Stopwatch.GetElapsedTime(startedAt)));
        }
    }
}
