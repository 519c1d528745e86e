using System.Globalization;

namespace EnergyActors.Benchmarks;

/// <summary><c>command --name value …</c>; every step reads the few options it needs.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public string Command { get; private init; } = string.Empty;

    /// <summary>A connection string, or <c>env:NAME</c>, so that a password need not appear in the process list.</summary>
    public string Connection => Text("connection") switch
    {
        null => throw new ArgumentException("--connection is required"),
        var text when text.StartsWith("env:", StringComparison.Ordinal) =>
            Environment.GetEnvironmentVariable(text[4..]) is { Length: > 0 } value ? value : throw new ArgumentException($"--connection: the environment variable {text[4..]} is not set"),
        var text => text,
    };

    public string Prefix => Text("prefix") ?? "bench-";

    public int Vehicles => Number("vehicles", 10_000);

    public string? Json => Text("json");

    public static BenchArguments Parse(string[] args)
    {
        var parsed = new BenchArguments { Command = args.Length > 0 ? args[0] : string.Empty };
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            parsed._options[args[i].TrimStart('-')] = args[i + 1];
        }

        return parsed;
    }

    public string? Text(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public int Number(string name, int fallback) => Text(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Numbered from 1, as the simulator's backfill and analytics commands number them.</summary>
    public static string VehicleId(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}VEH-{i:D6}");

    public static string MeterId(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}MTR-{i:D6}");
}
