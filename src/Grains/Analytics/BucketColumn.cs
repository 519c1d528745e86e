namespace EnergyActors.Grains.Analytics;

/// <summary>
/// One figure per bucket (a sum of millionths, or a reading count), exact for any number of readings a bucket can
/// hold. It keeps a single array of the narrowest integer type every value in it fits (ushort while none is
/// negative, then int, long, Int128), and widens only when a value no longer fits: most buckets hold a few small readings, so most columns stay at 2 or
/// 4 bytes per bucket, and none pays 16 bytes up front for a sum that may never need them.
/// </summary>
internal sealed class BucketColumn(int length)
{
    private Array? _values;

    public long ApproximateBytes =>
        MemoryLayout.ObjectHeader + MemoryLayout.Reference + sizeof(int)
        + MemoryLayout.ArrayBytes(_values?.Length ?? -1, ElementSize(_values));

    public Int128 this[int slot] => _values switch
    {
        ushort[] values => values[slot],
        int[] values => values[slot],
        long[] values => values[slot],
        Int128[] values => values[slot],
        _ => 0,
    };

    public void Increment(int slot) => Add(slot, 1);

    public void Add(int slot, long delta)
    {
        var sum = this[slot] + delta;
        switch (_values)
        {
            case ushort[] values when sum >= 0 && sum <= ushort.MaxValue:
                values[slot] = (ushort)sum;
                return;
            case int[] values when sum >= int.MinValue && sum <= int.MaxValue:
                values[slot] = (int)sum;
                return;
            case long[] values when sum >= long.MinValue && sum <= long.MaxValue:
                values[slot] = (long)sum;
                return;
            case Int128[] values:
                values[slot] = sum;
                return;
        }

        // The sum does not fit the current type, so the narrowest type it fits is wider, and holds every other value too.
        var wider = Allocate(sum);
        for (var i = 0; _values is not null && i < length; i++)
        {
            Set(wider, i, this[i]);
        }

        Set(wider, slot, sum);
        _values = wider;
    }

    public void Clear(int slot)
    {
        if (_values is not null)
        {
            Array.Clear(_values, slot, 1);
        }
    }

    /// <summary>Drops the storage; the next value allocates the narrowest array again.</summary>
    public void Release() => _values = null;

    private Array Allocate(Int128 value) =>
        value >= 0 && value <= ushort.MaxValue ? new ushort[length]
        : value >= int.MinValue && value <= int.MaxValue ? new int[length]
        : value >= long.MinValue && value <= long.MaxValue ? new long[length]
        : new Int128[length];

    private static void Set(Array values, int slot, Int128 value)
    {
        switch (values)
        {
            case ushort[] s:
                s[slot] = (ushort)value;
                break;
            case int[] s:
                s[slot] = (int)value;
                break;
            case long[] s:
                s[slot] = (long)value;
                break;
            default:
                ((Int128[])values)[slot] = value;
                break;
        }
    }

    private static int ElementSize(Array? values) => values switch
    {
        ushort[] => sizeof(ushort),
        int[] => sizeof(int),
        long[] => sizeof(long),
        _ => 16,
    };
}
