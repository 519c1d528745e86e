namespace EnergyActors.Grains.Analytics;

/// <summary>
/// Per-bucket sums of millionths. Starts as int[] because a typical bucket fits, and widens to long[]
/// the first time a bucket would overflow, so sums stay exact without paying 8 bytes per bucket up front.
/// </summary>
internal sealed class SumColumn(int length)
{
    private int[]? _narrow;
    private long[]? _wide;

    public long ApproximateBytes =>
        MemoryLayout.ObjectHeader + (2 * MemoryLayout.Reference) + sizeof(int)
        + MemoryLayout.ArrayBytes(_narrow?.Length ?? -1, sizeof(int))
        + MemoryLayout.ArrayBytes(_wide?.Length ?? -1, sizeof(long));

    public long this[int slot] => _wide is not null ? _wide[slot] : _narrow is not null ? _narrow[slot] : 0;

    public void Add(int slot, long delta)
    {
        if (_wide is not null)
        {
            _wide[slot] = checked(_wide[slot] + delta);
            return;
        }

        _narrow ??= new int[length];
        var sum = checked(_narrow[slot] + delta);
        if (sum is >= int.MinValue and <= int.MaxValue)
        {
            _narrow[slot] = (int)sum;
            return;
        }

        _wide = new long[length];
        for (var i = 0; i < length; i++)
        {
            _wide[i] = _narrow[i];
        }

        _narrow = null;
        _wide[slot] = sum;
    }

    public void Clear(int slot)
    {
        if (_wide is not null)
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
    }
}
