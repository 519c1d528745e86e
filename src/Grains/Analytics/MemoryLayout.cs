namespace EnergyActors.Grains.Analytics;

/// <summary>
/// Rough 64-bit CLR object sizes, good enough to compare the window against its per-grain memory budget.
/// </summary>
internal static class MemoryLayout
{
    public const int ObjectHeader = 16;
    public const int Reference = 8;

    /// <summary>Bytes of a primitive array, or 0 for an absent one (length -1).</summary>
    public static long ArrayBytes(int length, int elementSize) =>
        length < 0 ? 0 : 24 + Align((long)length * elementSize);

    private static long Align(long bytes) => (bytes + 7) & ~7L;
}
