using System.Text.Json;

namespace EnergyActors.Benchmarks;

/// <summary>Prints one step's figures and, with --json, writes them for bench.sh's table.</summary>
internal static class BenchResult
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task WriteAsync(BenchArguments arguments, string step, IReadOnlyDictionary<string, double> figures)
    {
        foreach (var (name, value) in figures)
        {
            Console.WriteLine(FormattableString.Invariant($"{step}.{name} = {value:0.###}"));
        }

        if (arguments.Json is { } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(figures, Indented));
        }
    }
}
