using System.Globalization;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Tests.Sites.Model;

public sealed class SolarPositionTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(2);

    // Published local sunrise/sunset times, to the minute (Berlin's confirmed by German press tables
    // within 1–2 min), converted to UTC here: Berlin CEST = UTC+2, Denver MST = UTC−7, Sydney AEDT =
    // UTC+11, Singapore SGT = UTC+8. Cross-checked against the independent suncalc library (< 5 s),
    // not read off NOAA's own pages.
    [Theory]
    [InlineData("Berlin", 52.52, 13.405, "2026-06-21", "2026-06-21T02:43:00Z", "2026-06-21T19:33:00Z")]
    [InlineData("Denver", 39.7392, -104.9903, "2026-12-21", "2026-12-21T14:18:00Z", "2026-12-21T23:39:00Z")]
    [InlineData("Sydney", -33.8688, 151.2093, "2026-01-15", "2026-01-14T18:59:00Z", "2026-01-15T09:09:00Z")]
    [InlineData("Singapore", 1.3521, 103.8198, "2026-03-20", "2026-03-19T23:09:00Z", "2026-03-20T11:15:00Z")]
    public void Sunrise_and_sunset_match_published_times(string place, double lat, double lon, string date, string sunrise, string sunset)
    {
        var (rise, set) = SolarPosition.SunTimes(lat, lon, DateOnly.Parse(date, CultureInfo.InvariantCulture));

        Assert.NotNull(rise);
        Assert.NotNull(set);
        AssertClose(DateTimeOffset.Parse(sunrise, CultureInfo.InvariantCulture), rise.Value, place);
        AssertClose(DateTimeOffset.Parse(sunset, CultureInfo.InvariantCulture), set.Value, place);
    }

    [Theory]
    [InlineData(69.6492, 18.9553, "2026-12-21")] // Tromsø, polar night
    [InlineData(69.6492, 18.9553, "2026-06-21")] // Tromsø, midnight sun
    [InlineData(-77.85, 166.67, "2026-06-21")] // McMurdo, polar night
    [InlineData(-77.85, 166.67, "2026-12-21")] // McMurdo, midnight sun
    public void Polar_day_and_night_have_no_sunrise_or_sunset(double lat, double lon, string date)
    {
        var (rise, set) = SolarPosition.SunTimes(lat, lon, DateOnly.Parse(date, CultureInfo.InvariantCulture));

        Assert.Null(rise);
        Assert.Null(set);
    }

    [Fact]
    public void Elevation_at_solar_noon_is_ninety_minus_latitude_plus_declination()
    {
        var (rise, set) = SolarPosition.SunTimes(52.52, 13.405, new DateOnly(2026, 6, 21));
        var noon = rise!.Value + ((set!.Value - rise.Value) / 2);

        // Declination at the June solstice is +23.44°.
        Assert.Equal(90 - 52.52 + 23.44, SolarPosition.ElevationDegrees(52.52, 13.405, noon), 1);
    }

    [Fact]
    public void Sun_is_near_the_horizon_at_sunrise_and_sunset()
    {
        var (rise, set) = SolarPosition.SunTimes(39.7392, -104.9903, new DateOnly(2026, 12, 21));

        // Geometric elevation at apparent sunrise is −0.833° (refraction plus the disc's radius).
        Assert.Equal(-0.833, SolarPosition.ElevationDegrees(39.7392, -104.9903, rise!.Value), 1);
        Assert.Equal(-0.833, SolarPosition.ElevationDegrees(39.7392, -104.9903, set!.Value), 1);
        Assert.True(SolarPosition.ElevationDegrees(39.7392, -104.9903, rise.Value.AddHours(-1)) < -5);
    }

    private static void AssertClose(DateTimeOffset expected, DateTimeOffset actual, string place)
    {
        var error = (actual - expected).Duration();
        Assert.True(error <= Tolerance, $"{place}: expected {expected:O}, got {actual:O} ({error.TotalMinutes:F1} min off)");
    }
}
