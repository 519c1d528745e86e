using EnergyActors.Grains.Sites;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Tests.Sites.Model;

public sealed class SolarOutputTests
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    public static TheoryData<SiteType> SiteTypes => new() { SiteType.Residential, SiteType.Commercial, SiteType.Industrial };

    [Theory]
    [MemberData(nameof(SiteTypes))]
    public void No_solar_output_while_the_sun_is_down(SiteType type)
    {
        var spec = new SiteSpec(type, 40.0, -3.7, "Europe/Madrid", 50, 25, 40, 35, null, 5);
        var clearSky = new WeatherSample(18, 0, null, "test");
        var state = SiteBattery.Initial(spec, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var nights = 0;

        foreach (var day in new[] { new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero) })
        {
            for (var t = day + Quarter; t <= day.AddDays(1); t += Quarter)
            {
                var step = SitePhysics.Step(spec, state, t, Quarter, clearSky, outage: false);
                state = step.Next;
                if (TestSites.SunDownThroughout(spec, step.Reading))
                {
                    nights++;
                    Assert.Equal(0.0, step.Reading.SolarKw);
                    Assert.Equal(0.0, step.Reading.SolarKwh);
                    Assert.Equal(0.0, step.Reading.WeatherIrradianceWm2);
                }
                else if (SolarPosition.ElevationDegrees(spec.Latitude, spec.Longitude, t - (Quarter / 2)) > 10)
                {
                    Assert.True(step.Reading.SolarKw > 0, $"no PV at {t:O} in daylight");
                }
            }
        }

        Assert.True(nights > 60, $"only {nights} night intervals checked");
    }

    [Fact]
    public void Clear_sky_noon_output_is_plausible_for_the_season_at_50_north()
    {
        var spec = new SiteSpec(SiteType.Residential, 50.0, 0.0, "Etc/UTC", 10, 5, 10, 12, null, 1, TiltDegrees: 0);
        var clearSky = new WeatherSample(25, 0, null, "test");

        // Solar noon at longitude 0 is within a few minutes of 12:00 UTC; the intervals straddle it.
        var summer = NoonKw(spec, new DateTimeOffset(2026, 6, 21, 12, 7, 30, TimeSpan.Zero), clearSky);
        var winter = NoonKw(spec, new DateTimeOffset(2026, 12, 21, 12, 7, 30, TimeSpan.Zero), clearSky with { TemperatureC = 2 });

        Assert.InRange(summer / spec.SolarCapacityKw, 0.6, 1.0);
        Assert.True(summer > 2 * winter, $"summer {summer:F2} kW vs winter {winter:F2} kW");
        Assert.True(winter > 0.1 * spec.SolarCapacityKw, $"winter noon {winter:F2} kW is implausibly low");
    }

    [Fact]
    public void Clouds_dim_the_output()
    {
        var spec = new SiteSpec(SiteType.Residential, 50.0, 0.0, "Etc/UTC", 10, 5, 10, 12, null, 1, TiltDegrees: 0);
        var at = new DateTimeOffset(2026, 6, 21, 12, 7, 30, TimeSpan.Zero);

        var clear = NoonKw(spec, at, new WeatherSample(20, 0, null, "test"));
        var overcast = NoonKw(spec, at, new WeatherSample(20, 100, null, "test"));

        Assert.InRange(overcast / clear, 0.2, 0.3);
    }

    [Fact]
    public void Hot_cells_produce_less()
    {
        var spec = new SiteSpec(SiteType.Residential, 50.0, 0.0, "Etc/UTC", 10, 5, 10, 12, null, 1, TiltDegrees: 0);
        var at = new DateTimeOffset(2026, 6, 21, 12, 7, 30, TimeSpan.Zero);

        var mild = NoonKw(spec, at, new WeatherSample(10, 0, 900, "test"));
        var hot = NoonKw(spec, at, new WeatherSample(40, 0, 900, "test"));

        // Cells run 25/800 K per W/m² above ambient and lose 0.4 % per K above 25 °C.
        var cellRise = 25.0 / 800 * 900;
        var expected = (1 - (0.004 * (40 + cellRise - 25))) / (1 - (0.004 * (10 + cellRise - 25)));
        Assert.Equal(expected, hot / mild, 9);
        Assert.InRange(hot / mild, 0.85, 0.9);
    }

    [Fact]
    public void Measured_irradiance_is_used_as_given()
    {
        var spec = new SiteSpec(SiteType.Residential, 50.0, 0.0, "Etc/UTC", 10, 5, 10, 12, null, 1, TiltDegrees: 0);
        var state = SiteBattery.Initial(spec, DateTimeOffset.UnixEpoch);
        var reading = SitePhysics.Step(spec, state, new DateTimeOffset(2026, 6, 21, 12, 0, 0, TimeSpan.Zero), Quarter, new WeatherSample(20, 80, 432.0, "open-meteo"), false).Reading;

        Assert.Equal(432.0, reading.WeatherIrradianceWm2);
        Assert.Equal("open-meteo", reading.WeatherSource);
        Assert.Equal(10 * 0.432 * (1 - (0.004 * (20 + (25.0 / 800 * 432) - 25))) * PvArray.SystemDerate, reading.SolarKw, 9);
    }

    [Fact]
    public void Measured_irradiance_reaches_a_tilted_array_transposed_to_its_plane()
    {
        // Winter noon at 50° N: a south-facing array at 50° sees the low sun far better than a flat one.
        var at = new DateTimeOffset(2026, 12, 21, 12, 7, 30, TimeSpan.Zero);
        var weather = new WeatherSample(5, 0, 250.0, "open-meteo");
        var flat = NoonKw(new SiteSpec(SiteType.Residential, 50.0, 0.0, "Etc/UTC", 10, 5, 10, 12, null, 1, TiltDegrees: 0), at, weather);
        var south = NoonKw(new SiteSpec(SiteType.Residential, 50.0, 0.0, "Etc/UTC", 10, 5, 10, 12, null, 1), at, weather);
        var north = NoonKw(new SiteSpec(SiteType.Residential, 50.0, 0.0, "Etc/UTC", 10, 5, 10, 12, null, 1, TiltDegrees: 50, AzimuthDegrees: 0), at, weather);
        Assert.True(south > 1.5 * flat && north < flat, $"flat {flat:F2} kW, south {south:F2} kW, north {north:F2} kW");
    }

    [Fact]
    public void Inverter_clips_at_its_rating_and_peaks_near_97_percent()
    {
        // 10 kWp on a 6 kW inverter with the battery full: the surplus beyond 6 kW AC is clipped.
        var spec = new SiteSpec(SiteType.Residential, 50.0, 0.0, "Etc/UTC", 10, 5, 10, 6, null, 1);
        var full = SiteBattery.Initial(spec, DateTimeOffset.UnixEpoch) with { Soc = BatteryPack.SocCeilingPercent };
        var reading = SitePhysics.Step(spec, full, new DateTimeOffset(2026, 6, 21, 12, 7, 30, TimeSpan.Zero), Quarter, new WeatherSample(20, 0, null, "test"), false).Reading;

        Assert.Equal(6.0, reading.InverterAcKw, 9);
        Assert.True(reading.CurtailedKwh > 0);
        Assert.InRange(reading.InverterEfficiencyPercent, 96.0, 97.5);
        Assert.InRange(Inverter.AcForDc(Inverter.DcForAc(0.3, 6), 6), 0.3 - 1e-12, 0.3 + 1e-12);
        Assert.True(Inverter.AcForDc(Inverter.DcForAc(0.3, 6), 6) / Inverter.DcForAc(0.3, 6) < 0.9, "light load should be inefficient");
    }

    private static double NoonKw(SiteSpec spec, DateTimeOffset end, WeatherSample weather)
    {
        var state = SiteBattery.Initial(spec, end.AddDays(-1));
        return SitePhysics.Step(spec, state, end, Quarter, weather, outage: false).Reading.SolarKw;
    }
}
