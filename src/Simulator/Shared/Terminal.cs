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
