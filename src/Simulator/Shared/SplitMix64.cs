using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Simulator.Shared;

/// <summary>
/// A tiny counter-based generator: a reading's values are a pure function of (seed, device, sequence),
/// so they do not depend on which worker generates it or in what order.
/// </summary>
internal struct SplitMix64(ulong state)
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
