namespace EnergyActors.Grains.Analytics;

/// <summary>
/// The window's buckets as a compact byte snapshot, so a restarted vehicle need not re-read a day of history.
/// Layout (format 1): magic, format, bucket ticks, ring length, current bucket, per column a power-of-ten scale,
/// then the ring from the oldest counted bucket on as (run of empty buckets, the five figures of the next
/// non-empty bucket) in zigzag varints, and an FNV-1a checksum. Readings usually carry fewer than six decimals,
/// so dividing each column by its common power of ten saves a byte or two per figure. Buckets are read and
/// written only through <see cref="BucketColumn"/>'s indexer and <c>Add</c>, whatever its storage.
/// </summary>
public sealed partial class EfficiencyWindow
{
    private const byte SnapshotMagic = 0xE5;
    private const byte SnapshotFormat = 1;
    private const int Columns = 5;

    /// <summary>The exclusive end of the farthest bucket the ring holds: readings stamped later were refused, not kept.</summary>
    public DateTimeOffset HeldUntil =>
        new(UnixEpochTicks + ((_current + FutureBuckets + 1) * _bucketTicks), TimeSpan.Zero);

    /// <summary>The inclusive start of the window that ends with the bucket containing <paramref name="now"/>, without moving this one.</summary>
    public DateTimeOffset StartAt(DateTimeOffset now) =>
        new(UnixEpochTicks + ((BucketIndex(now) - _bucketsPerDay + 1) * _bucketTicks), TimeSpan.Zero);

    /// <summary>The buckets as bytes, without moving the window; an unstarted window has none to write.</summary>
    public byte[] ToSnapshot()
    {
        var columns = SnapshotColumns();
        var oldest = _current - _bucketsPerDay + 1;
        var scales = new int[Columns];
        for (var c = 0; c < Columns; c++)
        {
            scales[c] = CommonScale(columns[c], oldest);
        }

        var writer = new SnapshotWriter();
        writer.Byte(SnapshotMagic);
        writer.Byte(SnapshotFormat);
        writer.Unsigned((ulong)_bucketTicks);
        writer.Unsigned((ulong)_ringLength);
        writer.Signed(_current);
        foreach (var scale in scales)
        {
            writer.Byte((byte)scale);
        }

        var i = 0;
        while (i < _ringLength)
        {
            var run = 0;
            while (i + run < _ringLength && IsEmptySlot(Slot(oldest + i + run)))
            {
                run++;
            }

            writer.Unsigned((ulong)run);
            i += run;
            if (i == _ringLength)
            {
                break;
            }

            var slot = Slot(oldest + i);
            for (var c = 0; c < Columns; c++)
            {
                writer.Signed(columns[c][slot] / Pow10(scales[c]));
            }

            i++;
        }

        return writer.Finish();
    }

    /// <summary>
    /// Fills an unused window from <paramref name="snapshot"/>, as it was when written (call <see cref="Advance"/> to move it on).
    /// False, leaving the window untouched, when the bytes are corrupt or were written with another format or bucket layout.
    /// </summary>
    public bool TryRestore(ReadOnlySpan<byte> snapshot)
    {
        if (_started || !SnapshotReader.ChecksumHolds(snapshot))
        {
            return false;
        }

        var reader = new SnapshotReader(snapshot[..^sizeof(uint)]);
        if (!reader.Byte(out var magic) || magic != SnapshotMagic || !reader.Byte(out var format) || format != SnapshotFormat
            || !reader.Unsigned(out var bucketTicks) || bucketTicks != (ulong)_bucketTicks
            || !reader.Unsigned(out var ringLength) || ringLength != (ulong)_ringLength
            || !reader.Signed(out var current) || current < long.MinValue / 2 || current > long.MaxValue / 2)
        {
            return false;
        }

        var scales = new int[Columns];
        for (var c = 0; c < Columns; c++)
        {
            if (!reader.Byte(out var scale) || scale > 6)
            {
                return false;
            }

            scales[c] = scale;
        }

        // Decoded in full before anything is applied, so a corrupt tail leaves the window as it was.
        var filled = new List<(int Offset, Int128[] Values)>();
        var i = 0;
        while (i < _ringLength)
        {
            if (!reader.Unsigned(out var run) || run > (ulong)(_ringLength - i))
            {
                return false;
            }

            i += (int)run;
            if (i == _ringLength)
            {
                break;
            }

            var values = new Int128[Columns];
            for (var c = 0; c < Columns; c++)
            {
                if (!reader.SignedWide(out values[c]))
                {
                    return false;
                }

                values[c] *= Pow10(scales[c]);
            }

            filled.Add((i, values));
            i++;
        }

        if (!reader.AtEnd)
        {
            return false;
        }

        _current = (long)current;
        _started = true;
        var columns = SnapshotColumns();
        var oldest = _current - _bucketsPerDay + 1;
        foreach (var (offset, values) in filled)
        {
            var slot = Slot(oldest + offset);
            for (var c = 0; c < Columns; c++)
            {
                AddWide(columns[c], slot, values[c]);
            }

            _ringReadings += (long)(values[1] + values[3]);
            if (offset < _bucketsPerDay)
            {
                _totalAc += values[0];
                _meterReadings += (long)values[1];
                _totalDc += values[2];
                _vehicleReadings += (long)values[3];
                _totalTemp += values[4];
            }
        }

        return true;
    }

    /// <summary>Forgets everything, as a new window: a restored state that proved unusable is dropped this way.</summary>
    public void Reset()
    {
        Clear();
        _started = false;
        _current = 0;
    }

    // The order figures are written in: AC sum and count, DC sum and count, temperature sum.
    private BucketColumn[] SnapshotColumns() => [_acSum, _acCount, _dcSum, _dcCount, _tempSum];

    private bool IsEmptySlot(int slot) => _acCount[slot] == 0 && _dcCount[slot] == 0;

    private int CommonScale(BucketColumn column, long oldest)
    {
        var scale = 6;
        for (var i = 0; i < _ringLength && scale > 0; i++)
        {
            var value = column[Slot(oldest + i)];
            while (scale > 0 && value % Pow10(scale) != 0)
            {
                scale--;
            }
        }

        return scale;
    }

    private static Int128 Pow10(int exponent)
    {
        Int128 result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    // Add takes a long; a bucket sum beyond it (possible only in theory) is added in long-sized steps.
    private static void AddWide(BucketColumn column, int slot, Int128 value)
    {
        while (value != 0)
        {
            var step = value > long.MaxValue ? long.MaxValue : value < long.MinValue ? long.MinValue : (long)value;
            column.Add(slot, step);
            value -= step;
        }
    }
}
