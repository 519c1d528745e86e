using System.Globalization;
using Spectre.Console;

namespace EnergyActors.Simulator.Shared;

/// <summary>The Spectre consoles for stdout and stderr.</summary>
internal static class Terminal
{
    // Spectre assumes 80 columns off a terminal; wrapping log lines only makes them harder to read and grep.
    private const int RedirectedWidth = 4096;

    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}

/// <summary>One-line notes on stdout and warnings and errors on stderr.</summary>
internal static class StatusMessages
{
    public static void Note(string text) => Terminal.Out.MarkupLineInterpolated($"[grey]{text}[/]");

    public static void Warn(string text) => Terminal.Error.MarkupLineInterpolated($"[yellow]warning:[/] {text}");

    public static void Error(string text) => Terminal.Error.MarkupLineInterpolated($"[red]error:[/] {text}");
}

/// <summary>Invariant-culture number formats shared by the progress lines and the result tables.</summary>
internal static class Figures
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Milliseconds with microsecond digits: analytics latencies sit well below 1 ms.</summary>
    public static string Millis(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A count in red when it is not zero: failures should catch the eye.</summary>
    public static string Alarm(long value) => value == 0 ? "0" : $"[red]{Count(value)}[/]";

    public static double PerSecond(long count, TimeSpan elapsed) => count / Math.Max(elapsed.TotalSeconds, 0.001);

    /// <summary>RFC 3339 in UTC with a Z, to the second: the form the simulator sends timestamps in.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
