namespace EnergyActors.Grains.Analytics;

/// <summary>How a reading becomes exact millionths in a ring slot, and how slots are emptied.</summary>
public sealed partial class EfficiencyWindow
{
    private static long ToMillionths(double value, string name)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > MaxMagnitude)
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be finite and small enough to keep 6 exact decimals.");
        }

        return checked((long)Math.Round(value * Millionths, MidpointRounding.AwayFromZero));
    }

    private static long FloorDiv(long dividend, long divisor)
    {
        var quotient = Math.DivRem(dividend, divisor, out var remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    private long BucketIndex(DateTimeOffset instant) => FloorDiv(instant.UtcTicks - UnixEpochTicks, _bucketTicks);

    private int Slot(long bucket)
    {
        var slot = bucket % _ringLength;
        return (int)(slot < 0 ? slot + _ringLength : slot);
    }

    private bool TryLocate(DateTimeOffset timestamp, out int slot, out bool counted)
    {
        var bucket = BucketIndex(timestamp);
        if (bucket <= _current - _bucketsPerDay || bucket > _current + FutureBuckets)
        {
            slot = 0;
            counted = false;
            return false;
        }

        slot = Slot(bucket);
        counted = bucket <= _current;
        return true;
    }

    private void ClearSlot(int slot)
    {
        _acSum.Clear(slot);
        _dcSum.Clear(slot);
        _tempSum.Clear(slot);
        _acCount.Clear(slot);
        _dcCount.Clear(slot);
    }

    private void Clear()
    {
        _acSum.Release();
        _dcSum.Release();
        _tempSum.Release();
        _acCount.Release();
        _dcCount.Release();
        _totalAc = 0;
        _totalDc = 0;
        _totalTemp = 0;
        _meterReadings = 0;
        _vehicleReadings = 0;
        _ringReadings = 0;
    }
}
