using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Simulator.Shared;

/// <summary>
/// Keys for <see cref="SplitMix64"/> streams, built from numbers only: the same inputs give the same key
/// on every run, machine and runtime (unlike string.GetHashCode, which is randomised per process).
/// </summary>
internal static class StableHash
{
    public static ulong Of(long seed, ulong stream, long a) => StableRandom.Mix(StableRandom.Mix(unchecked((ulong)seed) ^ stream) ^ unchecked((ulong)a));

    public static ulong Of(long seed, ulong stream, long a, long b) => StableRandom.Mix(Of(seed, stream, a) ^ unchecked((ulong)b));

    public static SplitMix64 Stream(long seed, ulong stream, long a) => new(Of(seed, stream, a));

    public static SplitMix64 Stream(long seed, ulong stream, long a, long b) => new(Of(seed, stream, a, b));
}
