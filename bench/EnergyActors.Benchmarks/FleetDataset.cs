namespace EnergyActors.Benchmarks;

/// <summary>
/// A day of minute readings for N vehicles, each charged through its own meter: deterministic values,
/// six decimals, DC a per-vehicle share of AC. The same rows every run for the same N and end.
/// </summary>
internal static class FleetDataset
{
    public const int MinutesPerDay = 1_440;

    public static DateTimeOffset End(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(-1);

    public static double Ac(int vehicle, int minute) => Math.Round(0.05 + (Hash(vehicle, minute) % 150_000 / 1_000_000d), 6);

    public static double Efficiency(int vehicle) => 0.6 + (Hash(vehicle, -1) % 400 / 1_000d);

    public static double Dc(int vehicle, int minute) => Math.Round(Ac(vehicle, minute) * Efficiency(vehicle), 6);

    public static double Temperature(int vehicle, int minute) => Math.Round(20 + (Hash(vehicle, minute + 7) % 15_000_000 / 1_000_000d), 6);

    private static ulong Hash(int vehicle, int minute)
    {
        var z = ((ulong)(uint)vehicle << 32) ^ (uint)minute;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
