using System.Numerics;

namespace EnergyActors.Simulator.Ingest;

/// <summary>
/// Log-linear latency buckets in microseconds (HdrHistogram's layout with 64 sub-buckets per power
/// of two): exact below 128 µs, within 1/64 (1.6 %) above, in a fixed 29 KiB whatever the range.
/// Not thread-safe: each worker keeps its own and they are merged at the end.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBuckets = 64;
    private const int SubBucketBits = 6;

    // Values below 2 * SubBuckets map to themselves; above, each power of two adds SubBuckets buckets.
    private readonly long[] _counts = new long[SubBuckets * (64 - SubBucketBits)];

    public long Count { get; private set; }

    public long MaxMicroseconds { get; private set; }

    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(0L, (long)latency.TotalMicroseconds);
        _counts[IndexOf(micros)]++;
        Count++;
        MaxMicroseconds = Math.Max(MaxMicroseconds, micros);
    }

    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        MaxMicroseconds = Math.Max(MaxMicroseconds, other.MaxMicroseconds);
    }

    /// <summary>The latency in ms that <paramref name="percent"/> % of requests did not exceed (a bucket's upper edge); 0 when empty.</summary>
    public double PercentileMilliseconds(double percent)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100 * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(UpperEdgeOf(i), MaxMicroseconds) / 1000.0;
            }
        }

        return MaxMilliseconds;
    }

    public double MaxMilliseconds => MaxMicroseconds / 1000.0;

    private static int IndexOf(long micros)
    {
        if (micros < 2 * SubBuckets)
        {
            return (int)micros;
        }

        // Shift so the value keeps its top 7 bits (64..127); each shift step is one more SubBuckets-wide band.
        var shift = (63 - BitOperations.LeadingZeroCount((ulong)micros)) - SubBucketBits;
        return (SubBuckets * shift) + (int)(micros >> shift);
    }

    private static long UpperEdgeOf(int index)
    {
        if (index < 2 * SubBuckets)
        {
            return index;
        }

        var shift = (index / SubBuckets) - 1;
        var top = (long)(index % SubBuckets) + SubBuckets;
        return ((top + 1) << shift) - 1;
    }
}
