using EnergyActors.Grains.Analytics;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Analytics;

/// <summary>
/// What a full day costs a vehicle: one AC and one DC reading a minute, with as many decimals as the values carry.
/// The bounds are the budget a vehicle grain's window must fit for the grain to stay under 16 KiB.
/// </summary>
public sealed class EfficiencyWindowFootprintTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 0, 0, 30, TimeSpan.Zero);

    [Theory]
    // Six decimals everywhere (the benchmark's dataset): about 62 bits a bucket.
    [InlineData(6, 12_288)]
    // Three decimals (what meters and vehicles usually send): about 33 bits a bucket.
    [InlineData(3, 7_000)]
    public void A_full_day_of_minute_readings_fits_the_vehicle_budget(int decimals, int budgetBytes)
    {
        var window = new EfficiencyWindow(EfficiencyWindow.DefaultBucketSize, futureBuckets: 6);
        var random = new Random(decimals);
        var acTotal = 0m;
        for (var minute = 0; minute < 1_440; minute++)
        {
            var at = Now.AddMinutes(-minute);
            var ac = Math.Round(0.05 + (random.NextDouble() * 0.15), decimals);
            window.AddAc(at, ac, Now);
            window.AddDc(at, Math.Round(ac * 0.87, decimals), Math.Round(15 + (random.NextDouble() * 25), decimals), Now);
            acTotal += (decimal)ac;
        }

        var snapshot = window.Snapshot(Now);
        output.WriteLine($"{decimals} decimals: {window.ApproximateBytes:N0} bytes");
        Assert.Equal(1_440, snapshot.VehicleReadings);
        Assert.Equal(acTotal, snapshot.TotalAcKwh);
        Assert.True(window.ApproximateBytes <= budgetBytes, $"{window.ApproximateBytes} bytes");
    }
}
