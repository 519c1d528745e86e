using System.Globalization;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Analytics;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Analytics;

public sealed class EfficiencyWindowTests(ITestOutputHelper output)
{
    // Midnight UTC, so bucket boundaries of every size that divides a day fall on round times.
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public void The_window_ends_at_the_end_of_the_current_bucket_and_spans_a_day()
    {
        var snapshot = new EfficiencyWindow().Snapshot(T0.AddSeconds(30).ToOffset(TimeSpan.FromHours(2)));

        Assert.Equal(T0.AddMinutes(1), snapshot.End);
        Assert.Equal(T0.AddMinutes(1) - Day, snapshot.Start);
        Assert.Equal(TimeSpan.Zero, snapshot.End.Offset);
        Assert.Equal(TimeSpan.Zero, snapshot.Start.Offset);
    }

    [Fact]
    public void A_reading_exactly_at_start_counts_and_one_exactly_at_end_does_not()
    {
        var window = new EfficiencyWindow();
        var now = T0.AddSeconds(30);
        var end = T0.AddMinutes(1);
        var start = end - Day;

        Assert.True(window.AddAc(start, 1, now));
        Assert.False(window.AddAc(start.AddTicks(-1), 2, now));
        Assert.True(window.AddAc(end, 4, now));
        Assert.True(window.AddAc(end.AddTicks(-1), 8, now));

        var snapshot = window.Snapshot(now);
        Assert.Equal(9m, snapshot.TotalAcKwh);
        Assert.Equal(2, snapshot.MeterReadings);

        // One bucket later the reading at the old start has aged out and the one at the old end counts.
        snapshot = window.Snapshot(now.AddMinutes(1));
        Assert.Equal(12m, snapshot.TotalAcKwh);
        Assert.Equal(2, snapshot.MeterReadings);
    }

    [Fact]
    public void The_utc_instant_decides_the_bucket_whatever_the_offset()
    {
        var window = new EfficiencyWindow();
        var now = T0.AddSeconds(30);
        var start = T0.AddMinutes(1) - Day;

        Assert.True(window.AddAc(start.ToOffset(TimeSpan.FromHours(5.5)), 1, now.ToOffset(TimeSpan.FromHours(-8))));
        Assert.False(window.AddAc(start.AddTicks(-1).ToOffset(TimeSpan.FromHours(-8)), 2, now));

        Assert.Equal(1m, window.Snapshot(now.ToOffset(TimeSpan.FromHours(14))).TotalAcKwh);
    }

    [Fact]
    public void Buckets_before_1970_use_floor_division()
    {
        var window = new EfficiencyWindow();
        var now = DateTimeOffset.UnixEpoch.AddSeconds(-30);

        Assert.True(window.AddAc(DateTimeOffset.UnixEpoch.AddTicks(-1), 1, now));
        Assert.True(window.AddAc(DateTimeOffset.UnixEpoch, 2, now));
        Assert.True(window.AddAc(DateTimeOffset.UnixEpoch.AddDays(-1), 4, now));
        Assert.False(window.AddAc(DateTimeOffset.UnixEpoch.AddDays(-1).AddTicks(-1), 8, now));

        var snapshot = window.Snapshot(now);
        Assert.Equal(DateTimeOffset.UnixEpoch, snapshot.End);
        Assert.Equal(5m, snapshot.TotalAcKwh);

        Assert.True(window.AddAc(DateTimeOffset.UnixEpoch.AddMinutes(1), 16, now));

        // Crossing the epoch ages out the first bucket and brings in the ones after 1970, each exactly once.
        Assert.Equal(3m, window.Snapshot(DateTimeOffset.UnixEpoch).TotalAcKwh);
        Assert.Equal(19m, window.Snapshot(DateTimeOffset.UnixEpoch.AddMinutes(1)).TotalAcKwh);
    }

    [Fact]
    public void A_future_reading_is_kept_and_starts_counting_when_its_bucket_becomes_current()
    {
        var window = new EfficiencyWindow();
        var now = T0.AddSeconds(10);

        Assert.True(window.AddDc(T0.AddMinutes(16).AddSeconds(59), 5, 30, now));
        Assert.False(window.AddDc(T0.AddMinutes(17), 7, 30, now));
        Assert.False(window.IsEmpty);

        var before = window.Snapshot(T0.AddMinutes(15).AddSeconds(59));
        Assert.Equal(0, before.VehicleReadings);
        Assert.Equal(0m, before.TotalDcKwh);
        Assert.Null(before.AvgBatteryTemp);

        var after = window.Snapshot(T0.AddMinutes(16));
        Assert.Equal(1, after.VehicleReadings);
        Assert.Equal(5m, after.TotalDcKwh);
        Assert.Equal(30m, after.AvgBatteryTemp);
    }

    [Fact]
    public void Late_readings_inside_the_window_count_and_older_ones_are_ignored()
    {
        var window = new EfficiencyWindow();
        var now = T0.AddHours(30);

        Assert.True(window.AddAc(now.AddHours(-23).AddMinutes(-59), 1.5, now));
        Assert.False(window.AddAc(now.AddHours(-25), 100, now));

        Assert.Equal(1.5m, window.Snapshot(now).TotalAcKwh);
    }

    [Fact]
    public void A_backwards_now_is_ignored()
    {
        var window = new EfficiencyWindow();
        var now = T0.AddHours(10);
        window.AddAc(now.AddMinutes(-5), 2, now);

        window.Advance(now.AddHours(-3));
        var snapshot = window.Snapshot(now.AddDays(-2));

        Assert.Equal(now.AddMinutes(1), snapshot.End);
        Assert.Equal(2m, snapshot.TotalAcKwh);
        Assert.False(window.AddAc(now.AddHours(-25), 1, now.AddHours(-3)));
    }

    [Fact]
    public void Jumps_keep_exactly_the_readings_still_inside_the_new_window()
    {
        // Bucket c holds now; the future reading sits in bucket c + 10.
        var window = new EfficiencyWindow();
        var now = T0.AddSeconds(5);
        window.AddAc(T0.AddMinutes(10), 3, now);
        window.AddAc(T0.AddHours(-1), 4, now);

        // A jump of 1,449 buckets (less than the ring) leaves bucket c + 10 as the window's first bucket.
        var kept = window.Snapshot(T0.AddDays(1).AddMinutes(9));
        Assert.Equal(3m, kept.TotalAcKwh);
        Assert.Equal(1, kept.MeterReadings);
        Assert.False(window.IsEmpty);

        window.Advance(T0.AddDays(1).AddMinutes(10));
        Assert.True(window.IsEmpty);
        Assert.Equal(0m, window.Snapshot(T0.AddDays(1).AddMinutes(10)).TotalAcKwh);
    }

    [Fact]
    public void A_jump_of_more_than_the_ring_clears_everything()
    {
        var window = new EfficiencyWindow();
        var now = T0;
        for (var i = 0; i < 100; i++)
        {
            window.AddDc(now.AddMinutes(-i), 1, 20, now);
            window.AddAc(now.AddMinutes(i % 17), 1, now);
        }

        var snapshot = window.Snapshot(now.AddDays(3));

        Assert.True(window.IsEmpty);
        Assert.Equal(new EfficiencySnapshot(T0.AddDays(3).AddMinutes(1) - Day, T0.AddDays(3).AddMinutes(1), 0, 0, null, null, 0, 0, HealthStatus.NoData), snapshot);
    }

    [Fact]
    public void An_emptied_window_releases_its_buckets()
    {
        var window = new EfficiencyWindow();
        var idle = window.ApproximateBytes;
        window.AddDc(T0, 1, 20, T0);
        Assert.True(window.ApproximateBytes > idle);

        window.Advance(T0.AddDays(1));

        Assert.True(window.IsEmpty);
        Assert.Equal(idle, window.ApproximateBytes);
    }

    [Fact]
    public void Sums_stay_exact_when_a_bucket_overflows_int()
    {
        var window = new EfficiencyWindow();
        var now = T0.AddSeconds(30);
        for (var i = 0; i < 5_000; i++)
        {
            window.AddAc(now.AddHours(-1), 1_000_000, now);
            window.AddDc(now.AddHours(-1), 999_999.999999, 149.999999, now);
        }

        window.AddAc(now, 1.5, now);
        window.AddDc(now, 0.25, -12.5, now);

        var snapshot = window.Snapshot(now);
        Assert.Equal(5_000_000_001.5m, snapshot.TotalAcKwh);
        Assert.Equal(4_999_999_999.995000m + 0.25m, snapshot.TotalDcKwh);
        Assert.Equal(Math.Round(((149.999999m * 5_000) - 12.5m) / 5_001, 6, MidpointRounding.AwayFromZero), snapshot.AvgBatteryTemp);
        Assert.Equal(1.0000m, snapshot.EfficiencyRatio);
        Assert.Equal(HealthStatus.Healthy, snapshot.HealthStatus);

        // The widened columns must still hold the small bucket and drop the big one exactly.
        var later = window.Snapshot(now.AddDays(1).AddMinutes(-30));
        Assert.Equal(1.5m, later.TotalAcKwh);
        Assert.Equal(0.25m, later.TotalDcKwh);
        Assert.Equal(-12.5m, later.AvgBatteryTemp);
        Assert.Equal(1, later.MeterReadings);
    }

    [Fact]
    public void Counts_stay_exact_past_65535_readings_in_one_bucket()
    {
        var window = new EfficiencyWindow();
        for (var i = 0; i < 70_000; i++)
        {
            window.AddAc(T0, 0.000001, T0);
        }

        var snapshot = window.Snapshot(T0);
        Assert.Equal(70_000, snapshot.MeterReadings);
        Assert.Equal(0.07m, snapshot.TotalAcKwh);
    }

    [Theory]
    [InlineData("0.85", "0.8500", HealthStatus.Healthy)]
    [InlineData("0.8499", "0.8499", HealthStatus.Warning)]
    [InlineData("0.84995", "0.8500", HealthStatus.Healthy)]
    [InlineData("0.849949", "0.8499", HealthStatus.Warning)]
    [InlineData("0.70", "0.7000", HealthStatus.Warning)]
    [InlineData("0.6999", "0.6999", HealthStatus.Critical)]
    [InlineData("0.69995", "0.7000", HealthStatus.Warning)]
    [InlineData("1.0", "1.0000", HealthStatus.Healthy)]
    [InlineData("1.00004", "1.0000", HealthStatus.Healthy)]
    [InlineData("1.00005", "1.0001", HealthStatus.Anomaly)]
    [InlineData("1.0001", "1.0001", HealthStatus.Anomaly)]
    [InlineData("0", "0", HealthStatus.Critical)]
    public void The_verdict_is_judged_on_the_rounded_ratio(string dcKwh, string ratio, HealthStatus expected)
    {
        var window = new EfficiencyWindow();
        window.AddAc(T0, 1, T0);
        window.AddDc(T0, double.Parse(dcKwh, CultureInfo.InvariantCulture), 25, T0);

        var snapshot = window.Snapshot(T0);

        Assert.Equal(decimal.Parse(ratio, CultureInfo.InvariantCulture), snapshot.EfficiencyRatio);
        Assert.Equal(expected, snapshot.HealthStatus);
    }

    [Fact]
    public void Zero_ac_is_no_data_even_with_dc()
    {
        var window = new EfficiencyWindow();
        window.AddDc(T0, 40, 31.25, T0);
        window.AddAc(T0, 5, T0);
        window.AddAc(T0, -5, T0);

        var snapshot = window.Snapshot(T0);

        Assert.Equal(0m, snapshot.TotalAcKwh);
        Assert.Equal(2, snapshot.MeterReadings);
        Assert.Null(snapshot.EfficiencyRatio);
        Assert.Equal(HealthStatus.NoData, snapshot.HealthStatus);
        Assert.Equal(31.25m, snapshot.AvgBatteryTemp);
    }

    [Fact]
    public void The_average_temperature_rounds_half_away_from_zero_to_six_decimals()
    {
        var window = new EfficiencyWindow();
        window.AddDc(T0, 1, -20.000001, T0);
        window.AddDc(T0, 1, -20.000002, T0);

        Assert.Equal(-20.000002m, window.Snapshot(T0).AvgBatteryTemp);
    }

    [Theory]
    [InlineData(5, 70)]
    [InlineData(60, 120)]
    public void Other_bucket_sizes_align_the_window_to_their_own_buckets(int bucketMinutes, int endMinutes)
    {
        var bucket = TimeSpan.FromMinutes(bucketMinutes);
        var window = new EfficiencyWindow(bucket, futureBuckets: 2);
        var now = T0.AddHours(1).AddMinutes(7).AddSeconds(13);
        var end = T0.AddMinutes(endMinutes);
        var start = end - Day;

        Assert.True(window.AddAc(start, 1, now));
        Assert.False(window.AddAc(start.AddTicks(-1), 2, now));
        Assert.True(window.AddAc(end, 4, now));
        Assert.True(window.AddAc(end + bucket + bucket - TimeSpan.FromTicks(1), 8, now));
        Assert.False(window.AddAc(end + bucket + bucket, 16, now));

        var snapshot = window.Snapshot(now);
        Assert.Equal(start, snapshot.Start);
        Assert.Equal(end, snapshot.End);
        Assert.Equal(1m, snapshot.TotalAcKwh);

        Assert.Equal(4m, window.Snapshot(now + bucket).TotalAcKwh);
        Assert.Equal(12m, window.Snapshot(now + bucket + bucket).TotalAcKwh);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(0.5)]
    [InlineData(7 * 60)]
    [InlineData(25 * 3_600)]
    public void Bucket_sizes_that_do_not_divide_a_day_or_are_below_a_second_are_rejected(double seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EfficiencyWindow(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Negative_future_buckets_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EfficiencyWindow(TimeSpan.FromMinutes(1), -1));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e12)]
    public void Values_that_cannot_be_exact_are_rejected_without_touching_the_window(double kwh)
    {
        var window = new EfficiencyWindow();

        Assert.Throws<ArgumentOutOfRangeException>(() => window.AddAc(T0, kwh, T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => window.AddDc(T0, 1, kwh, T0));
        Assert.True(window.IsEmpty);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    public void A_full_day_of_one_minute_buckets_stays_well_under_32_KiB(int dcReadingsPerBucket)
    {
        var window = new EfficiencyWindow();
        var now = T0.AddDays(2);
        for (var minute = -1_439; minute <= EfficiencyWindow.DefaultFutureBuckets; minute++)
        {
            var bucketStart = now.AddMinutes(minute);
            window.AddAc(bucketStart, 12.345678, now);
            for (var i = 0; i < dcReadingsPerBucket; i++)
            {
                window.AddDc(bucketStart.AddSeconds(i), 0.2, 41.5, now);
            }
        }

        var snapshot = window.Snapshot(now);
        output.WriteLine($"{dcReadingsPerBucket} DC reading(s) per bucket: {window.ApproximateBytes:N0} bytes");
        Assert.Equal(1_440, snapshot.MeterReadings);
        Assert.Equal(1_440 * dcReadingsPerBucket, snapshot.VehicleReadings);
        Assert.True(window.ApproximateBytes < 32 * 1024, $"{window.ApproximateBytes} bytes");
    }
}
