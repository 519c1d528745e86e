using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Tests.Sites.Model;

public sealed class SyntheticWeatherTests
{
    [Fact]
    public void Seasons_follow_the_hemisphere()
    {
        var berlin = TestSites.Residential();
        var sydney = berlin with { Latitude = -33.87, Longitude = 151.21, TimeZoneId = "Australia/Sydney" };

        Assert.True(MonthlyMean(berlin, 7) > MonthlyMean(berlin, 1) + 12);
        Assert.True(MonthlyMean(sydney, 1) > MonthlyMean(sydney, 7) + 5);
    }

    [Fact]
    public void The_tropics_are_warm_all_year_and_high_latitudes_cold_in_winter()
    {
        var singapore = TestSites.Industrial();
        var tromso = singapore with { Latitude = 69.65, Longitude = 18.96, TimeZoneId = "Europe/Oslo" };

        Assert.InRange(MonthlyMean(singapore, 1), 24, 31);
        Assert.InRange(MonthlyMean(singapore, 7), 24, 31);
        Assert.True(MonthlyMean(tromso, 1) < -3);
    }

    [Fact]
    public void Afternoons_are_warmer_than_dawn()
    {
        var spec = TestSites.Commercial();
        var warmer = 0;
        for (var day = 0; day < 60; day++)
        {
            // Phoenix (−112°) solar time is UTC − 7.5 h: 05:30 solar ≈ 13:00Z, 15:00 solar ≈ 22:30Z.
            var date = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero).AddDays(day);
            var dawn = SyntheticWeather.Sample(spec, date.AddHours(13)).TemperatureC;
            var afternoon = SyntheticWeather.Sample(spec, date.AddHours(22.5)).TemperatureC;
            warmer += afternoon > dawn ? 1 : 0;
        }

        Assert.True(warmer >= 57, $"only {warmer} of 60 afternoons were warmer than dawn");
    }

    [Fact]
    public void Weather_drifts_smoothly_and_covers_clear_and_overcast_skies()
    {
        var spec = TestSites.Residential();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var previous = SyntheticWeather.Sample(spec, start);
        var clear = 0;
        var overcast = 0;
        for (var t = start.AddMinutes(5); t < start.AddYears(1); t = t.AddMinutes(5))
        {
            var w = SyntheticWeather.Sample(spec, t);
            Assert.Equal(SyntheticWeather.Source, w.Source);
            Assert.Null(w.IrradianceWm2);
            Assert.InRange(w.CloudCoverPercent, 0, 100);
            Assert.True(Math.Abs(w.CloudCoverPercent - previous.CloudCoverPercent) < 5, $"cloud jumped at {t:O}");
            Assert.True(Math.Abs(w.TemperatureC - previous.TemperatureC) < 1, $"temperature jumped at {t:O}");
            clear += w.CloudCoverPercent < 10 ? 1 : 0;
            overcast += w.CloudCoverPercent > 90 ? 1 : 0;
            previous = w;
        }

        Assert.True(clear > 1000 && overcast > 1000, $"{clear} clear and {overcast} overcast samples of 105,120");
    }

    [Fact]
    public void Weather_is_a_function_of_seed_place_and_time()
    {
        var spec = TestSites.Residential(seed: 3);
        var at = new DateTimeOffset(2026, 9, 9, 9, 9, 0, TimeSpan.Zero);

        Assert.Equal(SyntheticWeather.Sample(spec, at), SyntheticWeather.Sample(TestSites.Residential(seed: 3), at));
        Assert.Equal(SyntheticWeather.Sample(spec, at), SyntheticWeather.Sample(spec with { BatteryCapacityKwh = 99 }, at));
        Assert.NotEqual(SyntheticWeather.Sample(spec, at), SyntheticWeather.Sample(spec with { Seed = 4 }, at));
    }

    private static double MonthlyMean(SiteSpec spec, int month)
    {
        var sum = 0.0;
        var count = 0;
        for (var t = new DateTimeOffset(2026, month, 1, 0, 0, 0, TimeSpan.Zero); t.Month == month; t = t.AddHours(1))
        {
            sum += SyntheticWeather.Sample(spec, t).TemperatureC;
            count++;
        }

        return sum / count;
    }
}
