using EnergyActors.Grains.Sites.Model;

using Xunit.Abstractions;

namespace EnergyActors.Tests.Sites.Model;

/// <summary>
/// A simulated year of each site type against the BDEW standard load profile it follows (H0 homes, G0 businesses, G3
/// industry; VDEW 1999, see src/Grains/Sites/Model/Data/README.md): per season, the mean day of each day type
/// correlates with the profile's at 0.9 or better, weather, noise and all; and the year's consumption is what was asked.
/// </summary>
public sealed class StandardLoadProfileTests(ITestOutputHelper output)
{
    private static readonly string[] Seasons = ["winter", "transition", "summer"];
    private static readonly string[] Days = ["weekday", "saturday", "sunday"];

    public static TheoryData<SiteType, string> Types => new()
    {
        { SiteType.Residential, StandardLoadProfiles.Homes },
        { SiteType.Commercial, StandardLoadProfiles.Businesses },
        { SiteType.Industrial, StandardLoadProfiles.AroundTheClock },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_season_of_a_simulated_year_correlates_with_its_standard_profile(SiteType type, string profile)
    {
        var spec = new SiteSpec(type, 52.52, 13.405, "Europe/Berlin", 10, 5, 8, 6, null, 11, AnnualConsumptionKwh: 4000);
        var simulated = new Dictionary<(string, string), double[]>();
        var published = new Dictionary<(string, string), double[]>();
        var counts = new Dictionary<(string, string), int[]>();
        var quarter = TimeSpan.FromMinutes(15);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        for (var end = new DateTimeOffset(2026, 1, 1, 0, 15, 0, TimeSpan.Zero); end.Year == 2026; end += quarter)
        {
            var mid = end - (quarter / 2);
            var weather = SyntheticWeather.Sample(spec, mid);
            var local = TimeZoneInfo.ConvertTime(mid, berlin).DateTime;
            var key = (StandardLoadProfiles.Season(local), StandardLoadProfiles.DayType(local.DayOfWeek));
            if (!simulated.ContainsKey(key))
            {
                (simulated[key], published[key], counts[key]) = (new double[24], new double[24], new int[24]);
            }

            simulated[key][local.Hour] += LoadModel.LoadKw(spec, end, quarter, weather.TemperatureC);
            published[key][local.Hour] += StandardLoadProfiles.HourValue(profile, local);
            counts[key][local.Hour]++;
        }

        foreach (var season in Seasons)
        {
            var ours = Days.SelectMany(d => simulated[(season, d)].Select((v, h) => v / counts[(season, d)][h])).ToArray();
            var theirs = Days.SelectMany(d => published[(season, d)].Select((v, h) => v / counts[(season, d)][h])).ToArray();
            var r = Correlation(ours, theirs);
            output.WriteLine(FormattableString.Invariant($"{type} {season}: correlation {r:F3} with {profile}"));
            Assert.True(r >= 0.9, $"{type} {season}: correlation {r:F3} with {profile}");
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void A_year_without_heating_or_cooling_consumes_the_annual_consumption(SiteType type, string profile)
    {
        var spec = new SiteSpec(type, 52.52, 13.405, "Europe/Berlin", 10, 5, 8, 6, null, 3, AnnualConsumptionKwh: 4000);
        var hour = TimeSpan.FromHours(1);
        var kwh = 0.0;
        for (var end = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero); end.Year == 2026 || end == new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero); end += hour)
        {
            // 18 °C lies between the heating and cooling thresholds: only the profile and its noise remain.
            kwh += LoadModel.LoadKw(spec, end, hour, 18);
        }

        output.WriteLine(FormattableString.Invariant($"{type}: {kwh:0} kWh in a year asked to consume 4000"));
        Assert.InRange(kwh, 4000 * 0.97, 4000 * 1.03);
        Assert.NotEmpty(profile);
    }

    [Fact]
    public void Seasons_and_day_types_follow_bdew()
    {
        Assert.Equal("winter", StandardLoadProfiles.Season(new DateTime(2026, 3, 20, 23, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("transition", StandardLoadProfiles.Season(new DateTime(2026, 3, 21, 0, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("summer", StandardLoadProfiles.Season(new DateTime(2026, 5, 15, 0, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("summer", StandardLoadProfiles.Season(new DateTime(2026, 9, 14, 12, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("transition", StandardLoadProfiles.Season(new DateTime(2026, 10, 31, 12, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("winter", StandardLoadProfiles.Season(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal("saturday", StandardLoadProfiles.DayType(DayOfWeek.Saturday));
        Assert.Equal("weekday", StandardLoadProfiles.DayType(DayOfWeek.Friday));
        // H0's dynamization: 1.24 at the start of the year, about 0.8 in high summer.
        Assert.InRange(StandardLoadProfiles.Dynamization(1), 1.23, 1.25);
        Assert.InRange(StandardLoadProfiles.Dynamization(182), 0.75, 0.85);
    }

    private static double Correlation(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        var vx = x.Sum(v => (v - mx) * (v - mx));
        var vy = y.Sum(v => (v - my) * (v - my));
        return cov / Math.Sqrt(vx * vy);
    }
}
