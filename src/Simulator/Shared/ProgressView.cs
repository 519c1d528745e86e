using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Shared;

/// <summary>
/// Base of the commands' progress views: the heading and the rate fragment they all show, so a
/// phase reads the same in every command and a change of wording lands in all of them.
/// </summary>
internal abstract class ProgressView(string name) : IProgressView
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
