using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Analytics;

namespace EnergyActors.Tests.Analytics;

/// <summary>
/// The straightforward definition the window must match: keep every reading the contract says is kept, and
/// aggregate in decimal over exactly those with start &lt;= timestamp &lt; end, as SQL over history would.
/// </summary>
internal sealed class ReferenceModel(TimeSpan bucket, int futureBuckets)
{
    private readonly List<ReferenceReading> _kept = [];

    public TimeSpan Bucket => bucket;

    public int FutureBuckets => futureBuckets;

    public int Accepted => _kept.Count;

    public (DateTimeOffset Start, DateTimeOffset End) Window(DateTimeOffset clock)
    {
        var sinceEpoch = clock.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var intoBucket = ((sinceEpoch % bucket.Ticks) + bucket.Ticks) % bucket.Ticks;
        var end = new DateTimeOffset(clock.UtcTicks - intoBucket, TimeSpan.Zero) + bucket;
        return (end - TimeSpan.FromDays(1), end);
    }

    /// <summary>Records the reading if the contract keeps it at this clock, and says whether it did.</summary>
    public bool Add(ReferenceReading reading, DateTimeOffset clock)
    {
        var (start, end) = Window(clock);
        if (reading.Timestamp < start || reading.Timestamp >= end + (bucket * futureBuckets))
        {
            return false;
        }

        _kept.Add(reading);
        return true;
    }

    public bool ExpectEmpty(DateTimeOffset clock)
    {
        var (start, end) = Window(clock);
        var limit = end + (bucket * futureBuckets);
        return !_kept.Exists(r => r.Timestamp >= start && r.Timestamp < limit);
    }

    public EfficiencySnapshot Expected(DateTimeOffset clock)
    {
        var (start, end) = Window(clock);
        decimal ac = 0, dc = 0, temp = 0;
        int meterReadings = 0, vehicleReadings = 0;
        foreach (var reading in _kept)
        {
            if (reading.Timestamp < start || reading.Timestamp >= end)
            {
                continue;
            }

            if (reading.Temp is { } t)
            {
                dc += reading.Kwh;
                temp += t;
                vehicleReadings++;
            }
            else
            {
                ac += reading.Kwh;
                meterReadings++;
            }
        }

        decimal? avgTemp = vehicleReadings == 0 ? null : Math.Round(temp / vehicleReadings, 6, MidpointRounding.AwayFromZero);
        decimal? ratio = ac == 0 ? null : Math.Round(dc / ac, 4, MidpointRounding.AwayFromZero);
        var status = ratio switch
        {
            null => HealthStatus.NoData,
            > 1.0m => HealthStatus.Anomaly,
            >= 0.85m => HealthStatus.Healthy,
            >= 0.70m => HealthStatus.Warning,
            _ => HealthStatus.Critical,
        };
        return new EfficiencySnapshot(start, end, ac, dc, avgTemp, ratio, vehicleReadings, meterReadings, status);
    }
}
