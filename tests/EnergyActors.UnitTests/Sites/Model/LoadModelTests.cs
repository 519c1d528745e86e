using EnergyActors.Grains.Sites;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Tests.Sites.Model;

public sealed class LoadModelTests
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly WeatherSample Mild = new(18, 50, 0, "test");

    [Fact]
    public void Commercial_weekdays_draw_far_more_than_weekends_in_business_hours()
    {
        var spec = TestSites.Commercial();

        // Wednesday 11 and Sunday 15 March 2026, 09:00–17:00 Phoenix time (UTC−7); BDEW's G0 keeps Saturdays half open.
        var weekday = MeanLoad(spec, new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.FromHours(-7)), TimeSpan.FromHours(8), Mild);
        var weekend = MeanLoad(spec, new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.FromHours(-7)), TimeSpan.FromHours(8), Mild);

        Assert.True(weekday > 2.5 * weekend, $"weekday {weekday:F1} kW vs weekend {weekend:F1} kW");
    }

    [Fact]
    public void Commercial_load_follows_local_business_hours_not_utc()
    {
        var spec = TestSites.Commercial();
        var local = TimeSpan.FromHours(-7);

        var morning = MeanLoad(spec, new DateTimeOffset(2026, 3, 11, 10, 0, 0, local), TimeSpan.FromHours(2), Mild);
        var night = MeanLoad(spec, new DateTimeOffset(2026, 3, 11, 1, 0, 0, local), TimeSpan.FromHours(2), Mild);

        Assert.True(morning > 3 * night, $"10:00 local {morning:F1} kW vs 01:00 local {night:F1} kW");
    }

    [Fact]
    public void Residential_evenings_peak_above_small_hours()
    {
        var spec = TestSites.Residential();
        var local = TimeSpan.FromHours(2); // CEST

        var evening = MeanLoad(spec, new DateTimeOffset(2026, 6, 10, 18, 30, 0, local), TimeSpan.FromHours(2), Mild);
        var smallHours = MeanLoad(spec, new DateTimeOffset(2026, 6, 10, 2, 0, 0, local), TimeSpan.FromHours(2), Mild);

        Assert.True(evening > 3 * smallHours, $"evening {evening:F2} kW vs night {smallHours:F2} kW");
    }

    [Fact]
    public void Industrial_load_is_high_and_flat_across_shifts()
    {
        var spec = TestSites.Industrial();
        var local = TimeSpan.FromHours(8);
        var day = MeanLoad(spec, new DateTimeOffset(2026, 3, 11, 8, 0, 0, local), TimeSpan.FromHours(12), Mild);
        var night = MeanLoad(spec, new DateTimeOffset(2026, 3, 11, 23, 0, 0, local), TimeSpan.FromHours(5), Mild);

        Assert.InRange(night / day, 0.6, 0.95);
    }

    [Theory]
    [InlineData(SiteType.Residential)]
    [InlineData(SiteType.Commercial)]
    [InlineData(SiteType.Industrial)]
    public void Cooling_raises_load_on_hot_afternoons(SiteType type)
    {
        var spec = TestSites.Residential() with { Type = type };
        var afternoon = new DateTimeOffset(2026, 7, 15, 15, 0, 0, TimeSpan.FromHours(2));

        var hot = LoadAt(spec, afternoon, new WeatherSample(35, 0, null, "test"));
        var mild = LoadAt(spec, afternoon, new WeatherSample(20, 0, null, "test"));

        Assert.True(hot > mild * 1.1, $"{type}: 35 °C {hot:F2} kW vs 20 °C {mild:F2} kW");
    }

    [Fact]
    public void Heating_raises_load_on_cold_days_and_mild_days_need_neither()
    {
        var spec = TestSites.Residential();
        var evening = new DateTimeOffset(2026, 1, 14, 19, 0, 0, TimeSpan.FromHours(1));

        var freezing = LoadAt(spec, evening, new WeatherSample(-5, 80, null, "test"));
        var mild = LoadAt(spec, evening, new WeatherSample(18, 80, null, "test"));
        var lessMild = LoadAt(spec, evening, new WeatherSample(20, 80, null, "test"));

        Assert.True(freezing > mild * 1.2, $"−5 °C {freezing:F2} kW vs 18 °C {mild:F2} kW");
        Assert.Equal(mild, lessMild, 12);
    }

    [Fact]
    public void A_custom_profile_replaces_the_shape_but_not_the_size()
    {
        // All consumption between 02:00 and 05:00, every day: a night-shift bakery.
        var nightOnly = Enumerable.Range(0, 24).Select(h => h is >= 2 and < 5 ? 1.0 : 0.0).ToArray();
        var standard = TestSites.Residential();
        var custom = standard with { LoadProfile = new LoadProfile(nightOnly, nightOnly) };
        var local = TimeSpan.FromHours(2);
        var night = new DateTimeOffset(2026, 6, 10, 3, 30, 0, local);
        var evening = new DateTimeOffset(2026, 6, 10, 19, 30, 0, local);

        Assert.True(LoadAt(standard, evening, Mild) > LoadAt(standard, night, Mild));
        Assert.True(LoadAt(custom, night, Mild) > 5 * LoadAt(standard, night, Mild));
        Assert.Equal(0.0, LoadAt(custom, evening, Mild), 12);

        var weekStart = new DateTimeOffset(2026, 6, 8, 0, 0, 0, local);
        // A custom week averages the site's mean load; the standard profile's June is below its yearly mean.
        var customWeek = MeanLoad(custom, weekStart, TimeSpan.FromDays(7), Mild);
        Assert.InRange(customWeek / LoadModel.MeanLoadKw(custom), 0.9, 1.1);
    }

    [Fact]
    public void Load_profile_validation_names_the_problem()
    {
        var flat = Enumerable.Repeat(1.0, 24).ToArray();

        Assert.Null(LoadProfile.Validate(new LoadProfile(flat, flat)));
        Assert.Contains("24", LoadProfile.Validate(new LoadProfile(flat[..23], flat)), StringComparison.Ordinal);
        Assert.Contains("weekend", LoadProfile.Validate(new LoadProfile(flat, [.. flat[..5], -1.0, .. flat[6..]])), StringComparison.Ordinal);
        Assert.NotNull(LoadProfile.Validate(new LoadProfile([.. flat[..5], double.NaN, .. flat[6..]], flat)));
        Assert.NotNull(LoadProfile.Validate(new LoadProfile(new double[24], new double[24])));
        Assert.NotNull(LoadProfile.Validate(null));
    }

    [Fact]
    public void Site_spec_validation_accepts_the_test_sites_and_rejects_nonsense()
    {
        Assert.All(TestSites.All(), spec => Assert.Null(SiteSpec.Validate(spec)));
        Assert.NotNull(SiteSpec.Validate(TestSites.Residential() with { Latitude = 91 }));
        Assert.NotNull(SiteSpec.Validate(TestSites.Residential() with { BatteryCapacityKwh = 0 }));
        Assert.NotNull(SiteSpec.Validate(TestSites.Residential() with { InverterCapacityKw = double.NaN }));
        Assert.NotNull(SiteSpec.Validate(TestSites.Residential() with { Type = (SiteType)9 }));
        Assert.NotNull(SiteSpec.Validate(TestSites.Residential() with { LoadProfile = new LoadProfile([1.0], [1.0]) }));
    }

    [Fact]
    public void An_unknown_time_zone_falls_back_to_the_longitude()
    {
        var known = TestSites.Commercial();
        var unknown = known with { TimeZoneId = "Mars/Olympus_Mons" };
        var at = new DateTimeOffset(2026, 3, 11, 18, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(-7), SiteLocalTime.UtcOffset(known.TimeZoneId, known.Longitude, at));
        Assert.Equal(TimeSpan.FromHours(-7), SiteLocalTime.UtcOffset(unknown.TimeZoneId, unknown.Longitude, at));
        Assert.Equal(LoadAt(known, at, Mild), LoadAt(unknown, at, Mild), 12);
    }

    [Fact]
    public void Daylight_saving_shifts_the_local_shape()
    {
        var berlin = TestSites.Residential();
        var winter = new DateTimeOffset(2026, 1, 14, 12, 0, 0, TimeSpan.Zero);
        var summer = new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(1), SiteLocalTime.UtcOffset(berlin.TimeZoneId, berlin.Longitude, winter));
        Assert.Equal(TimeSpan.FromHours(2), SiteLocalTime.UtcOffset(berlin.TimeZoneId, berlin.Longitude, summer));
    }

    private static double LoadAt(SiteSpec spec, DateTimeOffset intervalMid, WeatherSample weather)
    {
        var state = SiteBattery.Initial(spec, intervalMid.AddDays(-1));
        return SitePhysics.Step(spec, state, intervalMid + (Quarter / 2), Quarter, weather, outage: false).Reading.LoadKw;
    }

    private static double MeanLoad(SiteSpec spec, DateTimeOffset from, TimeSpan span, WeatherSample weather)
    {
        var sum = 0.0;
        var count = 0;
        for (var t = from + Quarter; t <= from + span; t += Quarter)
        {
            sum += LoadModel.LoadKw(spec, t, Quarter, weather.TemperatureC);
            count++;
        }

        return sum / count;
    }
}
