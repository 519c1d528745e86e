namespace EnergyActors.Grains.Analytics;

/// <summary>
/// Per-bucket sums of millionths. Starts as int[] because a typical bucket fits, widens to long[] the first time
/// a bucket would overflow that, and to Int128[] past long, so sums stay exact for any number of readings a bucket
/// can hold without paying 8 or 16 bytes per bucket up front.
/// </summary>
internal sealed class SumColumn(int length)
{
    private int[]? _narrow;
    private long[]? _wide;
    private Int128[]? _huge;

    public long ApproximateBytes =>
        MemoryLayout.ObjectHeader + (3 * MemoryLayout.Reference) + sizeof(int)
        + MemoryLayout.ArrayBytes(_narrow?.Length ?? -1, sizeof(int))
        + MemoryLayout.ArrayBytes(_wide?.Length ?? -1, sizeof(long))
        + MemoryLayout.ArrayBytes(_huge?.Length ?? -1, 16);

    public Int128 this[int slot] => _huge is not null ? _huge[slot] : _wide is not null ? _wide[slot] : _narrow is not null ? _narrow[slot] : 0;

    public void Add(int slot, long delta)
    {
        var sum = this[slot] + delta;
        if (_huge is null && sum >= long.MinValue && sum <= long.MaxValue)
        {
            if (_wide is null && sum >= int.MinValue && sum <= int.MaxValue)
            {
                (_narrow ??= new int[length])[slot] = (int)sum;
            }
            else
            {
                (_wide ??= ToWide())[slot] = (long)sum;
            }

            return;
        }

        (_huge ??= ToHuge())[slot] = sum;
    }

    public void Clear(int slot)
    {
        if (_huge is not null)
        {
            _huge[slot] = 0;
        }
        else if (_wide is not null)
        {
            _wide[slot] = 0;
        }
        else if (_narrow is not null)
        {
            _narrow[slot] = 0;
        }
    }

    /// <summary>Drops the storage; the next reading allocates a narrow array again.</summary>
    public void Release()
    {
        _narrow = null;
        _wide = null;
        _huge = null;
    }

    // Each tier copies every slot of the one below it when a sum first outgrows that.
    private long[] ToWide()
    {
        var wide = new long[length];
        for (var i = 0; i < length; i++)
        {
            wide[i] = _narrow?[i] ?? 0;
        }

        _narrow = null;
        return wide;
    }

    private Int128[] ToHuge()
    {
        var huge = new Int128[length];
        for (var i = 0; i < length; i++)
        {
            huge[i] = this[i];
        }

        _narrow = null;
        _wide = null;
        return huge;
    }
}
