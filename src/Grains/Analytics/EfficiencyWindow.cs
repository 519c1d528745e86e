namespace EnergyActors.Grains.Analytics;

/// <summary>
/// A vehicle's rolling 24 h charging-efficiency window, updated in O(1) per reading and queried in O(1).
/// Its figures equal a SQL aggregation over history for the same [start, end): values are kept as integer
/// millionths, so sums are exact rather than accumulated in floating point, and wide enough (Int128 totals,
/// bucket sums that widen as needed) that no number of readings it accepts can overflow them.
/// </summary>
/// <remarks>
/// The window ends at the end of the bucket containing "now". A ring of one day of buckets plus a few future
/// buckets holds per-bucket sums; bucket index b lives in slot b mod ring length, so no timestamps are stored.
/// Running totals cover exactly the counted buckets and change only when a bucket enters or leaves them.
/// Not thread-safe: a grain calls it from its own turn.
/// </remarks>
public sealed partial class EfficiencyWindow
{
    public const int DefaultFutureBuckets = 16;

    private const long Millionths = 1_000_000;

    // Beyond 2^53 / 10^6 a double no longer carries 6 exact decimals, so larger values cannot be exact.
    private const double MaxMagnitude = 1e9;

    private static readonly long DayTicks = TimeSpan.FromDays(1).Ticks;
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    private readonly long _bucketTicks;
    private readonly int _bucketsPerDay;
    private readonly int _ringLength;

    private readonly BucketColumn _acSum;
    private readonly BucketColumn _dcSum;
    private readonly BucketColumn _tempSum;
    private readonly BucketColumn _acCount;
    private readonly BucketColumn _dcCount;

    private bool _started;
    private long _current;

    // Totals over the counted buckets [current - bucketsPerDay + 1, current].
    private Int128 _totalAc;
    private Int128 _totalDc;
    private Int128 _totalTemp;
    private long _meterReadings;
    private long _vehicleReadings;

    // Readings anywhere in the ring, counted and future alike; zero means every slot is zero.
    private long _ringReadings;

    public EfficiencyWindow()
        : this(DefaultBucketSize)
    {
    }

    public EfficiencyWindow(TimeSpan bucketSize, int futureBuckets = DefaultFutureBuckets)
    {
        if (bucketSize < TimeSpan.FromSeconds(1) || DayTicks % bucketSize.Ticks != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketSize), bucketSize, "The bucket size must be at least 1 s and divide 24 h exactly.");
        }

        var bucketsPerDay = DayTicks / bucketSize.Ticks;
        if (futureBuckets < 0 || bucketsPerDay + futureBuckets > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(futureBuckets), futureBuckets, "The number of future buckets must be non-negative and keep the ring a valid array length.");
        }

        _bucketTicks = bucketSize.Ticks;
        _bucketsPerDay = (int)bucketsPerDay;
        FutureBuckets = futureBuckets;
        _ringLength = _bucketsPerDay + futureBuckets;
        _acSum = new BucketColumn(_ringLength);
        _dcSum = new BucketColumn(_ringLength);
        _tempSum = new BucketColumn(_ringLength);
        _acCount = new BucketColumn(_ringLength);
        _dcCount = new BucketColumn(_ringLength);
    }

    public static TimeSpan DefaultBucketSize { get; } = TimeSpan.FromMinutes(1);

    public TimeSpan BucketSize => TimeSpan.FromTicks(_bucketTicks);

    public int FutureBuckets { get; }

    /// <summary>True when no reading is held anywhere, including future buckets, so timers may stop.</summary>
    public bool IsEmpty => _ringReadings == 0;

    /// <summary>Approximate heap footprint of this window, including its column arrays.</summary>
    public long ApproximateBytes =>
        MemoryLayout.ObjectHeader + (5 * MemoryLayout.Reference) + (3 * 16) + (5 * sizeof(long)) + (4 * sizeof(int))
        + _acSum.ApproximateBytes + _dcSum.ApproximateBytes + _tempSum.ApproximateBytes
        + _acCount.ApproximateBytes + _dcCount.ApproximateBytes;

    /// <summary>Adds an AC meter reading attributed to the vehicle.</summary>
    /// <returns>False when the reading is older than the window or too far in the future to keep.</returns>
    public bool AddAc(DateTimeOffset timestamp, double kwh, DateTimeOffset now)
    {
        var kwhMillionths = ToMillionths(kwh, nameof(kwh));
        Advance(now);
        if (!TryLocate(timestamp, out var slot, out var counted))
        {
            return false;
        }

        _acSum.Add(slot, kwhMillionths);
        _acCount.Increment(slot);
        _ringReadings++;
        if (counted)
        {
            _totalAc += kwhMillionths;
            _meterReadings++;
        }

        return true;
    }

    /// <summary>Adds one of the vehicle's own DC readings.</summary>
    /// <returns>False when the reading is older than the window or too far in the future to keep.</returns>
    public bool AddDc(DateTimeOffset timestamp, double kwh, double batteryTemp, DateTimeOffset now)
    {
        var kwhMillionths = ToMillionths(kwh, nameof(kwh));
        var tempMillionths = ToMillionths(batteryTemp, nameof(batteryTemp));
        Advance(now);
        if (!TryLocate(timestamp, out var slot, out var counted))
        {
            return false;
        }

        _dcSum.Add(slot, kwhMillionths);
        _tempSum.Add(slot, tempMillionths);
        _dcCount.Increment(slot);
        _ringReadings++;
        if (counted)
        {
            _totalDc += kwhMillionths;
            _totalTemp += tempMillionths;
            _vehicleReadings++;
        }

        return true;
    }

    /// <summary>
    /// Slides the window so that it ends at the end of the bucket containing <paramref name="now"/>.
    /// A <paramref name="now"/> earlier than the current bucket is ignored: time only moves forward.
    /// </summary>
    public void Advance(DateTimeOffset now)
    {
        var target = BucketIndex(now);
        if (!_started)
        {
            _current = target;
            _started = true;
            return;
        }

        if (target <= _current)
        {
            return;
        }

        // An empty ring has nothing to age out, and a jump of a whole ring or more leaves no held bucket
        // inside the new ring; either way there is nothing to walk through bucket by bucket.
        if (_ringReadings == 0 || target - _current >= _ringLength)
        {
            Clear();
            _current = target;
            return;
        }

        while (_current < target)
        {
            _current++;

            // The bucket leaving the counted range shares its slot with the new farthest future bucket,
            // so clearing it also makes room ahead; it is cleared before the entering bucket is read
            // because with no future buckets the two share a slot.
            var leaving = Slot(_current - _bucketsPerDay);
            _totalAc -= _acSum[leaving];
            _totalDc -= _dcSum[leaving];
            _totalTemp -= _tempSum[leaving];
            _meterReadings -= (long)_acCount[leaving];
            _vehicleReadings -= (long)_dcCount[leaving];
            _ringReadings -= (long)(_acCount[leaving] + _dcCount[leaving]);
            ClearSlot(leaving);

            var entering = Slot(_current);
            _totalAc += _acSum[entering];
            _totalDc += _dcSum[entering];
            _totalTemp += _tempSum[entering];
            _meterReadings += (long)_acCount[entering];
            _vehicleReadings += (long)_dcCount[entering];
        }

        if (_ringReadings == 0)
        {
            // Idle vehicles should not keep a day of zeros alive.
            Clear();
        }
    }

    /// <summary>Advances to <paramref name="now"/> and returns the figures of the window, in O(1).</summary>
    public EfficiencySnapshot Snapshot(DateTimeOffset now)
    {
        Advance(now);
        var endTicks = UnixEpochTicks + ((_current + 1) * _bucketTicks);
        var ac = (decimal)_totalAc / Millionths;
        var dc = (decimal)_totalDc / Millionths;
        decimal? avgTemp = _vehicleReadings == 0
            ? null
            : Math.Round((decimal)_totalTemp / Millionths / _vehicleReadings, 6, MidpointRounding.AwayFromZero);
        decimal? ratio = _totalAc == 0 ? null : Math.Round(dc / ac, 4, MidpointRounding.AwayFromZero);
        return new EfficiencySnapshot(
            new DateTimeOffset(endTicks - DayTicks, TimeSpan.Zero),
            new DateTimeOffset(endTicks, TimeSpan.Zero),
            ac,
            dc,
            avgTemp,
            ratio,
            _vehicleReadings,
            _meterReadings,
            HealthRules.Judge(ratio));
    }
}
