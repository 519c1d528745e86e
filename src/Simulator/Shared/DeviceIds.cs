using System.Globalization;

namespace EnergyActors.Simulator.Shared;

/// <summary>The id pattern shared by <c>fleet</c>, <c>backfill</c> and <c>analytics</c>: {prefix}VEH-000001, {prefix}MTR-000001.</summary>
internal static class DeviceIds
{
    /// <summary>"MTR-" or "VEH-" and up to 7 digits: the most a --prefix must leave room for.</summary>
    public const int LongestSuffix = 11;

    /// <summary>Highest device number: keeps ids within <see cref="LongestSuffix"/>.</summary>
    public const int MaxNumber = 1_000_000;

    public static string Vehicle(string prefix, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}VEH-{number:D6}");

    public static string Meter(string prefix, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}MTR-{number:D6}");
}
