using EnergyActors.Grains.Analytics;

namespace EnergyActors.Tests.Analytics;

/// <summary>
/// The window's sums and counts outgrow int and long without losing a millionth: no number of readings it
/// accepts can overflow them (9,300 readings of 1e9 kWh once overflowed a running total and answered 500).
/// </summary>
public sealed class EfficiencyWindowLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 30, TimeSpan.Zero);

    [Fact]
    public void Bucket_sums_past_long_stay_exact_and_age_out_exactly()
    {
        var window = new EfficiencyWindow();
        const int Readings = 10_000;
        for (var i = 0; i < Readings; i++)
        {
            // 10,000 × 1e9 kWh = 1e19 millionths per bucket: past long.MaxValue (9.2e18).
            Assert.True(window.AddAc(Now.AddTicks(-i), 1e9, Now));
            Assert.True(window.AddDc(Now.AddTicks(-i), 999_999_999.999999, 150, Now));
        }

        var snapshot = window.Snapshot(Now);
        Assert.Equal(10_000_000_000_000m, snapshot.TotalAcKwh);
        Assert.Equal(9_999_999_999_999.99m, snapshot.TotalDcKwh);
        Assert.Equal(Readings, snapshot.MeterReadings);
        Assert.Equal(Readings, snapshot.VehicleReadings);
        Assert.Equal(150m, snapshot.AvgBatteryTemp);
        Assert.Equal(1m, snapshot.EfficiencyRatio);

        var later = window.Snapshot(Now.AddDays(1));
        Assert.Equal(0m, later.TotalAcKwh);
        Assert.Equal(0, later.VehicleReadings);
        Assert.True(window.IsEmpty);
    }

    [Fact]
    public void More_readings_in_one_bucket_than_a_ushort_counts_are_counted_exactly()
    {
        var window = new EfficiencyWindow();
        const int Readings = 70_000;
        for (var i = 0; i < Readings; i++)
        {
            window.AddDc(Now.AddTicks(-i * 10), 0.000001, -50, Now);
        }

        var snapshot = window.Snapshot(Now);
        Assert.Equal(Readings, snapshot.VehicleReadings);
        Assert.Equal(0.07m, snapshot.TotalDcKwh);
        Assert.Equal(-50m, snapshot.AvgBatteryTemp);
    }
}
