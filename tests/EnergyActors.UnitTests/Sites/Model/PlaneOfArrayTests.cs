using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Tests.Sites.Model;

public sealed class PlaneOfArrayTests
{
    [Theory]
    [InlineData(0.22)]
    [InlineData(0.80)]
    public void Erbs_diffuse_fraction_is_continuous_where_its_pieces_meet(double kt)
    {
        Assert.Equal(PlaneOfArray.DiffuseFraction(kt - 1e-9), PlaneOfArray.DiffuseFraction(kt + 1e-9), tolerance: 0.001);
    }

    [Fact]
    public void Erbs_diffuse_fraction_falls_from_overcast_to_clear()
    {
        var fractions = Enumerable.Range(0, 101).Select(i => PlaneOfArray.DiffuseFraction(i / 100.0)).ToList();
        Assert.All(fractions, f => Assert.InRange(f, 0.16, 1.0));
        Assert.True(fractions[10] > 0.95 && fractions[75] < 0.3, string.Join(' ', fractions));
    }

    [Fact]
    public void A_horizontal_array_receives_exactly_the_global_horizontal_irradiance()
    {
        var at = new DateTimeOffset(2026, 6, 21, 11, 0, 0, TimeSpan.Zero);
        var sun = SolarPosition.Direction(52.5, 13.4, at);
        foreach (var ghi in new[] { 50.0, 300.0, 800.0 })
        {
            Assert.Equal(ghi, PlaneOfArray.Irradiance(ghi, sun, tiltDegrees: 0, azimuthDegrees: 180, dayOfYear: 172), 9);
        }
    }

    [Fact]
    public void The_sun_direction_agrees_with_its_elevation_and_is_a_unit_vector()
    {
        var at = new DateTimeOffset(2026, 3, 1, 4, 0, 0, TimeSpan.Zero);
        var (east, north, up) = SolarPosition.Direction(-33.9, 151.2, at);
        Assert.Equal(SolarPosition.SinElevation(-33.9, 151.2, at), up, 12);
        Assert.Equal(1.0, (east * east) + (north * north) + (up * up), 12);
        // Early afternoon in Sydney (about 14:00 solar time): the sun is in the west, and in the north as the array should face.
        Assert.True(east < 0 && north > 0, $"{east} {north} {up}");
    }

    [Theory]
    [InlineData(52.5, 13.4)]
    [InlineData(-33.9, 151.2)]
    public void An_equator_facing_array_at_its_latitude_collects_more_in_a_clear_year_than_a_flat_or_polar_facing_one(double lat, double lon)
    {
        double Year(double tilt, double azimuth)
        {
            var sum = 0.0;
            for (var at = new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.Zero); at.Year == 2026; at = at.AddHours(1))
            {
                var sun = SolarPosition.Direction(lat, lon, at);
                var ghi = Irradiance.ClearSkyGhi(sun.Up);
                sum += PlaneOfArray.Irradiance(ghi, sun, tilt, azimuth, at.DayOfYear);
            }

            return sum / 1000.0;
        }

        var flat = Year(0, 180);
        var facing = Year(SiteArray.DefaultTilt(lat), SiteArray.DefaultAzimuth(lat));
        var away = Year(SiteArray.DefaultTilt(lat), 180 - SiteArray.DefaultAzimuth(lat));
        Assert.InRange(facing / flat, 1.05, 1.45);
        Assert.True(away < flat, $"flat {flat:0} kWh/m², facing {facing:0}, away {away:0}");
    }
}
