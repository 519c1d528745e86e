using EnergyActors.Benchmarks;

namespace EnergyActors.Tests.Benchmarks;

/// <summary>The benchmark report's arithmetic: medians of repeated runs, ratios to ceilings, and goals met or missed.</summary>
public sealed class BenchReportMathTests
{
    [Fact]
    public void Spread_of_an_odd_number_of_runs_takes_the_middle_one()
    {
        var spread = Spread.Of([300, 100, 200]);

        Assert.Equal(new Spread(100, 200, 300, 3), spread);
    }

    [Fact]
    public void Spread_of_an_even_number_of_runs_averages_the_middle_two()
    {
        Assert.Equal(250, Spread.Of([400, 100, 200, 300])!.Median);
    }

    [Fact]
    public void Spread_skips_runs_without_the_figure_and_is_null_without_any()
    {
        Assert.Equal(new Spread(5, 5, 5, 1), Spread.Of([null, 5, double.NaN]));
        Assert.Null(Spread.Of([null, null]));
        Assert.Null(Spread.Of([]));
    }

    [Fact]
    public void Range_shows_min_to_max_or_the_one_value()
    {
        Assert.Equal("1,000 – 3,000 readings/s", new Spread(1_000, 2_000, 3_000, 3).Range("readings/s"));
        Assert.Equal("2.5 ms", new Spread(2.5, 2.5, 2.5, 1).Range("ms"));
    }

    [Theory]
    [InlineData(50.0, 100.0, "50 %")]
    [InlineData(5.0, 100.0, "5.0 %")]
    [InlineData(300.0, 100.0, "300 %")]
    [InlineData(1.0, 0.0, "n/a")]
    [InlineData(null, 100.0, "n/a")]
    [InlineData(1.0, null, "n/a")]
    public void Ratio_is_a_percentage_of_the_ceiling(double? figure, double? ceiling, string expected)
    {
        Assert.Equal(expected, ReportText.Ratio(figure, ceiling));
    }

    [Fact]
    public void Numbers_are_grouped_and_missing_ones_say_so()
    {
        Assert.Equal("12,346 rows/s", ReportText.Number(12_345.6, "rows/s"));
        Assert.Equal("0.123", ReportText.Number(0.12345, null));
        Assert.Equal("n/a", ReportText.Number(null, "ms"));
    }

    [Fact]
    public void Goals_are_met_missed_or_not_measured_from_the_medians()
    {
        var spreads = new Dictionary<string, Spread?>
        {
            ["batchCommittedPerSecond"] = Spread.Of([60_000, 40_000, 70_000]),
            ["singleCommittedPerSecond"] = Spread.Of([5_000]),
            ["singleP99Ms"] = Spread.Of([40]),
            ["analyticsP99Ms"] = Spread.Of([1.5]),
            ["bytesPerIdleMeterGrain"] = Spread.Of([1_536]),
        };

        var goals = new ReportGoals(spreads, copyCeiling: 100_000, kestrelCeiling: 10_000).Goals.ToDictionary(g => g.Name, g => g.Met);

        Assert.True(goals["HTTP batches of 1,000, committed"]);       // 60,000 of 100,000
        Assert.True(goals["single-reading POSTs, committed"]);        // 50 % of bare Kestrel, though far below 25,000/s
        Assert.True(goals["single p99"]);
        Assert.False(goals["analytics p99, 4 in flight"]);
        Assert.Null(goals["analytics p99, 64 in flight"]);
        Assert.Null(goals["vehicle grain, full 24 h window"]);
        Assert.True(goals["idle meter grain"]);                        // exactly 1.5 KiB
    }

    [Fact]
    public void Single_goal_is_met_at_25000_per_second_without_a_kestrel_ceiling()
    {
        var spreads = new Dictionary<string, Spread?> { ["singleCommittedPerSecond"] = Spread.Of([25_000]) };

        var single = new ReportGoals(spreads, copyCeiling: null, kestrelCeiling: null).Goals.Single(g => g.Name == "single-reading POSTs, committed");

        Assert.True(single.Met);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(9.5, true)]
    [InlineData(10.5, false)]
    public void Recovery_never_exact_in_time_is_missed_not_met(double seconds, bool met)
    {
        var spreads = new Dictionary<string, Spread?> { ["recoveryReadyToExactSeconds"] = Spread.Of([seconds]) };

        var recovery = new ReportGoals(spreads, copyCeiling: null, kestrelCeiling: null).Goals.Single(g => g.Name == "recovery: ready to exact after SIGKILL");

        Assert.Equal(met, recovery.Met);
    }
}
