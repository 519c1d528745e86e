namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// Stateless, process-independent randomness: every draw is a pure function of (seed, key, stream),
/// so replays and twin sites reproduce bit-for-bit regardless of call order, process or machine.
/// string.GetHashCode and System.Random are avoided because the former is randomised per process
/// and the latter carries order-dependent state.
/// </summary>
public static class StableRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>SplitMix64's finaliser: a bijective avalanche mix of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Hash(long seed, long key, ulong stream) =>
        Mix(Mix(unchecked((ulong)seed + (stream * Golden))) ^ unchecked((ulong)key * Golden));

    /// <summary>A uniform draw in [0, 1) with 53 bits of resolution.</summary>
    public static double Unit(long seed, long key, ulong stream) =>
        (Hash(seed, key, stream) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A symmetric draw in (−1, 1) peaked at 0 (sum of two uniforms), cheaper than a Gaussian.</summary>
    public static double Triangular(long seed, long key, ulong stream)
    {
        var h = Hash(seed, key, stream);
        var a = (h >> 32) * (1.0 / (1UL << 32));
        var b = (h & 0xFFFFFFFFUL) * (1.0 / (1UL << 32));
        return a + b - 1.0;
    }

    /// <summary>
    /// Value noise in [0, 1) that varies smoothly with <paramref name="position"/>: one random knot
    /// per whole unit, smoothstep-blended, so day-to-day weather drifts instead of jumping.
    /// </summary>
    public static double Smooth(long seed, double position, ulong stream)
    {
        var floor = Math.Floor(position);
        var knot = (long)floor;
        var t = position - floor;
        var s = t * t * (3.0 - (2.0 * t));
        var a = Unit(seed, knot, stream);
        var b = Unit(seed, knot + 1, stream);
        return a + ((b - a) * s);
    }

    /// <summary>Folds a double into a seed so location-specific streams differ between places.</summary>
    public static long Combine(long seed, double value) =>
        unchecked((long)Mix(unchecked((ulong)seed) ^ (ulong)BitConverter.DoubleToInt64Bits(value)));
}
