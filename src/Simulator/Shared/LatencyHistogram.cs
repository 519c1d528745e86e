using System.Numerics;

namespace EnergyActors.Simulator.Shared;

/// <summary>
/// Log-linear latency buckets in microseconds (HdrHistogram's layout with 64 sub-buckets per power
/// of two): exact below 128 µs, within 1/64 (1.6 %) above, in a fixed 29 KiB whatever the range.
/// Recording is lock-free and thread-safe, so workers may share one and a live display may read
/// percentiles while they record (a reading taken mid-update is off by at most the requests in flight).
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBuckets = 64;
    private const int SubBucketBits = 6;

    // Values below 2 * SubBuckets map to themselves; above, each power of two adds SubBuckets buckets.
    private readonly long[] _counts = new long[SubBuckets * (64 - SubBucketBits)];
    private long _count;
    private long _max;

    public long Count => Interlocked.Read(ref _count);

    public long MaxMicroseconds => Interlocked.Read(ref _max);

    public double MaxMilliseconds => MaxMicroseconds / 1000.0;

    public void Record(TimeSpan latency) => RecordMicroseconds(Math.Max(0L, (long)latency.TotalMicroseconds));

    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            var count = Interlocked.Read(ref other._counts[i]);
            if (count != 0)
            {
                Interlocked.Add(ref _counts[i], count);
            }
        }

        Interlocked.Add(ref _count, other.Count);
        RaiseMax(other.MaxMicroseconds);
    }

    /// <summary>The latency in ms that <paramref name="percent"/> % of requests did not exceed (a bucket's upper edge); 0 when empty.</summary>
    public double PercentileMilliseconds(double percent)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100 * total));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank)
            {
                return Math.Min(UpperEdgeOf(i), MaxMicroseconds) / 1000.0;
            }
        }

        return MaxMilliseconds;
    }

    private void RecordMicroseconds(long micros)
    {
        Interlocked.Increment(ref _counts[IndexOf(micros)]);
        Interlocked.Increment(ref _count);
        RaiseMax(micros);
    }

    private void RaiseMax(long micros)
    {
        var seen = Interlocked.Read(ref _max);
        while (micros > seen)
        {
            var previous = Interlocked.CompareExchange(ref _max, micros, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

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
