using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Simulator.Shared;

/// <summary>
/// Keys for <see cref="StableStream"/>s, built from numbers only: the same inputs give the same key
/// on every run, machine and runtime (unlike string.GetHashCode, which is randomised per process).
/// </summary>
internal static class StableHash
{
    public static ulong Of(long seed, ulong stream, long a) => StableRandom.Mix(StableRandom.Mix(unchecked((ulong)seed) ^ stream) ^ unchecked((ulong)a));

    public static ulong Of(long seed, ulong stream, long a, long b) => StableRandom.Mix(Of(seed, stream, a) ^ unchecked((ulong)b));

    public static StableStream Stream(long seed, ulong stream, long a) => new(Of(seed, stream, a));

    public static StableStream Stream(long seed, ulong stream, long a, long b) => new(Of(seed, stream, a, b));
}

/// <summary>
/// A tiny counter-based generator (SplitMix64: a golden-ratio step, then <see cref="StableRandom.Mix"/>):
/// a reading's values are a pure function of (seed, device, sequence), so they do not depend on which
/// worker generates it or in what order. Runs with the same seed must send the same values, so neither
/// the step nor the order of draws may change.
/// </summary>
internal struct StableStream(ulong state)
{
    private ulong _state = state;

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return StableRandom.Mix(_state);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextUnit() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextBetween(double min, double max) => min + (NextUnit() * (max - min));

    /// <summary>A double in [<paramref name="min"/>, <paramref name="max"/>) rounded to <paramref name="decimals"/>.</summary>
    public double NextDouble(double min, double max, int decimals) => Math.Round(NextBetween(min, max), decimals);
}
