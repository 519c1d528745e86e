namespace EnergyActors.Grains.Analytics;

/// <summary>Bit packing and decimal units of a <see cref="BucketColumn"/>.</summary>
internal sealed partial class BucketColumn
{
    // 10^6 millionths are one unit of the reading: a coarser unit would only save bits on values nobody sends.
    private const int MaxScale = 6;

    private static readonly Int128[] Powers = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    private static Int128 Pow10(int exponent) => Powers[exponent];

    /// <summary>How many trailing decimal zeros a non-zero value has, up to <see cref="MaxScale"/>.</summary>
    private static byte DecimalZeros(long value)
    {
        byte zeros = 0;
        while (zeros < MaxScale && value % 10 == 0)
        {
            value /= 10;
            zeros++;
        }

        return zeros;
    }

    /// <summary>Bits a value needs, two's complement with its sign bit when <paramref name="signed"/>; zero needs none.</summary>
    private static int BitsFor(Int128 value, bool signed)
    {
        if (value == 0)
        {
            return 0;
        }

        var magnitude = value < 0 ? ~value : value;
        var bits = 128 - (int)Int128.LeadingZeroCount(magnitude);
        return signed ? bits + 1 : bits;
    }

    private static Int128 Read(ulong[] words, int width, bool signed, int slot)
    {
        if (width == 0)
        {
            return 0;
        }

        var bit = (long)slot * width;
        var word = (int)(bit >> 6);
        var offset = (int)(bit & 63);
        var raw = words[word] >> offset;
        if (offset + width > 64)
        {
            raw |= words[word + 1] << (64 - offset);
        }

        if (width == 64)
        {
            return signed ? (Int128)(long)raw : (Int128)raw;
        }

        var unused = 64 - width;
        return signed ? (Int128)((long)(raw << unused) >> unused) : (Int128)(raw & (ulong.MaxValue >> unused));
    }

    private static void Write(ulong[] words, int width, int slot, Int128 value)
    {
        if (width == 0)
        {
            return;
        }

        var mask = ulong.MaxValue >> (64 - width);
        var raw = unchecked((ulong)value) & mask;
        var bit = (long)slot * width;
        var word = (int)(bit >> 6);
        var offset = (int)(bit & 63);
        words[word] = (words[word] & ~(mask << offset)) | (raw << offset);
        if (offset + width > 64)
        {
            // The first word took 64 - offset bits; the rest go to the bottom of the next.
            var taken = 64 - offset;
            words[word + 1] = (words[word + 1] & ~(mask >> taken)) | (raw >> taken);
        }
    }
}
