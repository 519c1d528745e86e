using Spectre.Console;

namespace EnergyActors.Simulator.Shared;

/// <summary>One-line notes on stdout and warnings and errors on stderr.</summary>
internal static class StatusMessages
{
    public static void Note(string text) => Terminal.Out.MarkupLineInterpolated($"[grey]{text}[/]");

    public static void Warn(string text) => Terminal.Error.MarkupLineInterpolated($"[yellow]warning:[/] {text}");

    public static void Error(string text) => Terminal.Error.MarkupLineInterpolated($"[red]error:[/] {text}");
}
