namespace EnergyActors.Grains.Analytics;

/// <summary>
/// Per-bucket reading counts. Starts as ushort[] because a bucket rarely holds 65,535 readings, and widens to
/// long[] the first time one would (a bucket of an hour or more can hold more readings than an int counts),
/// keeping the common case at 2 bytes per bucket.
/// </summary>
internal sealed class CountColumn(int length)
{
    private ushort[]? _narrow;
    private long[]? _wide;

    public long ApproximateBytes =>
        MemoryLayout.ObjectHeader + (2 * MemoryLayout.Reference) + sizeof(int)
        + MemoryLayout.ArrayBytes(_narrow?.Length ?? -1, sizeof(ushort))
        + MemoryLayout.ArrayBytes(_wide?.Length ?? -1, sizeof(long));

    public long this[int slot] => _wide is not null ? _wide[slot] : _narrow is not null ? _narrow[slot] : 0;

    public void Increment(int slot)
    {
        if (_wide is not null)
        {
            _wide[slot]++;
            return;
        }

        _narrow ??= new ushort[length];
        if (_narrow[slot] < ushort.MaxValue)
        {
            _narrow[slot]++;
            return;
        }

        _wide = new long[length];
        for (var i = 0; i < length; i++)
        {
            _wide[i] = _narrow[i];
        }

        _narrow = null;
        _wide[slot]++;
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
