namespace EnergyActors.Grains.Analytics;

/// <summary>
/// One figure per bucket (a sum of millionths, or a reading count), exact for any number of readings a bucket can
/// hold, in as few bits as its values need. A vehicle keeps five of these over a day of buckets: they are most of
/// its grain's memory.
/// </summary>
/// <remarks>
/// Values are packed at one bit width per column, the narrowest every value fits (unsigned while none is negative),
/// and counted in units of 10^scale millionths, the coarsest unit every value is a whole number of: a reading with
/// three decimals needs 10 bits where its millionths need 20, a count of one needs one bit. A value that does not
/// fit makes the unit finer or the packing wider for the whole column, one pass over it, which happens a handful
/// of times in a column's life; past 64 bits the column keeps Int128 values. Clearing slots never narrows a column:
/// only <see cref="Release"/> does.
/// </remarks>
internal sealed partial class BucketColumn(int length)
{
    // ulong[] packed at _width bits a value, or Int128[] once a value needs more than 64 bits; null while all are zero.
    private Array? _values;
    private byte _width;
    private bool _signed;
    private byte _scale;

    public long ApproximateBytes =>
        MemoryLayout.ObjectHeader + MemoryLayout.Reference + sizeof(int) + sizeof(int)
        + _values switch
        {
            ulong[] words => MemoryLayout.ArrayBytes(words.Length, sizeof(ulong)),
            Int128[] wide => MemoryLayout.ArrayBytes(wide.Length, 16),
            _ => 0,
        };

    public Int128 this[int slot] => _scale == 0 ? Stored(slot) : Stored(slot) * Pow10(_scale);

    public void Increment(int slot) => Add(slot, 1);

    public void Add(int slot, long delta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, length);
        if (delta == 0)
        {
            return;
        }

        if (_values is null)
        {
            _scale = DecimalZeros(delta);
            _width = 0;
            _signed = false;
        }
        else if (delta % (long)Pow10(_scale) != 0)
        {
            Repack(DecimalZeros(delta), -1, 0);
        }

        var sum = Stored(slot) + (delta / (long)Pow10(_scale));
        switch (_values)
        {
            case Int128[] wide:
                wide[slot] = sum;
                return;
            case ulong[] words when (_signed || sum >= 0) && BitsFor(sum, _signed) <= _width:
                Write(words, _width, slot, sum);
                return;
            default:
                Repack(_scale, slot, sum);
                return;
        }
    }

    public void Clear(int slot)
    {
        switch (_values)
        {
            case ulong[] words:
                Write(words, _width, slot, 0);
                break;
            case Int128[] wide:
                wide[slot] = 0;
                break;
        }
    }

    /// <summary>Drops the storage; the next value chooses the narrowest packing and coarsest unit again.</summary>
    public void Release() => _values = null;

    private Int128 Stored(int slot) => _values switch
    {
        ulong[] words => Read(words, _width, _signed, slot),
        Int128[] wide => wide[slot],
        _ => 0,
    };

    /// <summary>
    /// Rewrites the column in units of 10^<paramref name="scale"/> (the current unit or a finer one), at the narrowest
    /// width at least the current one that every value fits, with <paramref name="slotValue"/> (in the new unit) at
    /// <paramref name="slot"/> unless that is -1.
    /// </summary>
    private void Repack(byte scale, int slot, Int128 slotValue)
    {
        var factor = Pow10(_scale - scale);
        Int128 min = 0;
        Int128 max = 0;
        for (var i = 0; i < length; i++)
        {
            var value = i == slot ? slotValue : Stored(i) * factor;
            min = Int128.Min(min, value);
            max = Int128.Max(max, value);
        }

        var signed = _signed || min < 0;
        var width = Math.Max(_width, Math.Max(BitsFor(min, signed), BitsFor(max, signed)));
        Array packed = _values is Int128[] || width > 64 ? new Int128[length] : new ulong[WordsFor(width)];
        for (var i = 0; i < length; i++)
        {
            var value = i == slot ? slotValue : Stored(i) * factor;
            if (packed is ulong[] words)
            {
                Write(words, width, i, value);
            }
            else
            {
                ((Int128[])packed)[i] = value;
            }
        }

        _values = packed;
        _width = (byte)Math.Min(width, 128);
        _signed = signed;
        _scale = scale;
    }

    private int WordsFor(int width) => (int)((((long)length * width) + 63) / 64);
}
