using EnergyActors.Grains.Sites.Weather;
using EnergyActors.Tests.Weather;

namespace EnergyActors.Tests.Sites.Weather;

public sealed class EpwReaderTests
{
    private static TypicalWeatherYear Read(string text) => EpwReader.Read("berlin", new StringReader(text));

    [Fact]
    public void A_typical_year_is_read_with_its_location_and_every_hour_as_written()
    {
        var year = Read(EpwFixture.Write());
        Assert.Equal((EpwFixture.Latitude, EpwFixture.Longitude, EpwFixture.UtcOffset), (year.Latitude, year.Longitude, year.UtcOffsetHours));
        Assert.Equal("epw:berlin", year.Source);
        foreach (var (day, hour) in new[] { (0, 1), (0, 12), (58, 10), (59, 10), (200, 16), (364, 24) })
        {
            var (temperature, ghi, cloud) = year.Hour((day * 24) + hour - 1);
            Assert.Equal(EpwFixture.Ghi(day, hour), ghi, 9);
            Assert.Equal(EpwFixture.Temperature(day, hour), temperature, 2);
            Assert.Equal(EpwFixture.Cloud(hour), cloud, 9);
        }

        var annual = Enumerable.Range(0, 365).Sum(d => Enumerable.Range(1, 24).Sum(h => EpwFixture.Ghi(d, h))) / 1000.0;
        Assert.Equal(annual, year.AnnualGhiKwhPerM2, 9);
    }

    [Fact]
    public void A_leap_file_skips_29_february_and_a_leap_instant_reads_28_february()
    {
        var year = Read(EpwFixture.Write(leap: true));
        Assert.Equal(EpwFixture.Ghi(59, 12), year.Hour((59 * 24) + 11).GhiWm2, 9);
        // 29 February 2028, 11:30 local standard time (10:30 UTC): the hour ending 12:00 on 28 February (day 58).
        var sample = year.Sample(new DateTimeOffset(2028, 2, 29, 10, 30, 0, TimeSpan.Zero));
        Assert.Equal(EpwFixture.Ghi(58, 12), sample.IrradianceWm2!.Value, 9);
    }

    [Fact]
    public void Instants_between_hour_midpoints_are_interpolated_in_local_standard_time()
    {
        var year = Read(EpwFixture.Write());
        // 5 January 10:30 local = 09:30 UTC: exactly the hour ending 11:00 (day 4).
        var atMidpoint = year.Sample(new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(EpwFixture.Ghi(4, 11), atMidpoint.IrradianceWm2!.Value, 9);
        Assert.Equal(EpwFixture.Temperature(4, 11), atMidpoint.TemperatureC, 2);
        // 10:45 local: a quarter of the way to the hour ending 12:00.
        var between = year.Sample(new DateTimeOffset(2026, 1, 5, 9, 45, 0, TimeSpan.Zero));
        Assert.Equal(EpwFixture.Ghi(4, 11) + (0.25 * (EpwFixture.Ghi(4, 12) - EpwFixture.Ghi(4, 11))), between.IrradianceWm2!.Value, 9);
        // Any year reads the same typical year.
        Assert.Equal(atMidpoint, year.Sample(new DateTimeOffset(2031, 1, 5, 9, 30, 0, TimeSpan.Zero)));
        // Round the year's end: 31 December 23:45 local sits between its last hour and 1 January's first.
        var newYear = year.Sample(new DateTimeOffset(2026, 12, 31, 22, 45, 0, TimeSpan.Zero));
        Assert.InRange(newYear.TemperatureC, EpwFixture.Temperature(0, 1), EpwFixture.Temperature(364, 24));
    }

    [Fact]
    public void Missing_values_are_filled_from_the_hours_either_side()
    {
        var year = Read(EpwFixture.Write(missing: (day, hour) => (day, hour) switch
        {
            (10, 12) => "ghi",
            (10, 13) => "ghi",
            (20, 5) => "temperature",
            (30, 7) => "cloud",
            _ => null,
        }));
        var filledGhi = year.Hour((10 * 24) + 11).GhiWm2;
        Assert.Equal(EpwFixture.Ghi(10, 11) + ((EpwFixture.Ghi(10, 14) - EpwFixture.Ghi(10, 11)) / 3.0), filledGhi, 9);
        Assert.Equal((EpwFixture.Temperature(20, 4) + EpwFixture.Temperature(20, 6)) / 2, year.Hour((20 * 24) + 4).TemperatureC, 2);
        Assert.Equal((EpwFixture.Cloud(6) + EpwFixture.Cloud(8)) / 2, year.Hour((30 * 24) + 6).CloudPercent, 9);
    }

    [Theory]
    [InlineData("DESIGN CONDITIONS,1\r\n", "line 1")]
    [InlineData("LOCATION,X,,,,,95,13,1,0\r\n", "line 1")]
    [InlineData("LOCATION,X,,,,,52,13,1,0\r\nA\r\nB\r\n", "8 header lines")]
    public void A_broken_header_is_refused_naming_its_line(string text, string named)
    {
        var refused = Assert.Throws<InvalidDataException>(() => Read(text));
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_hour_or_a_broken_row_is_refused_naming_it()
    {
        Assert.Contains("hour 8760 of the year", Assert.Throws<InvalidDataException>(() => Read(EpwFixture.Write(dropLastHour: true))).Message, StringComparison.Ordinal);
        var broken = EpwFixture.Write().Replace("\r\n1991,1,1,5,0,", "\r\n1991,1,1,x5,0,", StringComparison.Ordinal);
        Assert.Contains("line 13", Assert.Throws<InvalidDataException>(() => Read(broken)).Message, StringComparison.Ordinal);
    }
}
