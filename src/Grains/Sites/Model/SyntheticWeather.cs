using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// Plausible weather without a weather service: a latitude climate (annual mean, seasonal swing,
/// typical cloudiness), a diurnal cycle on local solar time, and smooth day-to-day and
/// within-day drift drawn from the site's seed and location, so replays are exact.
/// </summary>
public static class SyntheticWeather
{
    public const string Source = "synthetic";

    private const ulong CloudDayStream = 0xC10D_0001;
    private const ulong CloudHoursStream = 0xC10D_0002;
    private const ulong TemperatureDayStream = 0x7E40_0001;
    private const ulong TemperatureWeekStream = 0x7E40_0002;

    private const double DaysPerYear = 365.2425;

    // Days from 0001-01-01 to 2000-01-01; anchoring day-of-year there keeps it aligned with calendars.
    private const double DaysTo2000 = 730119.0;

    // The warmest day lags the June solstice by about a month (day-of-year ~202 in the north).
    private const double WarmestDayOfYearNorth = 202.0;

    // Cloud climatology: convective tropics, clear subtropical highs, cloudy mid-latitude storm tracks.
    private static readonly double[] CloudLatitudes = [0, 15, 28, 45, 60, 90];
    private static readonly double[] CloudPercents = [70, 45, 30, 60, 70, 65];

    public static WeatherSample Sample(SiteSpec spec, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var seed = StableRandom.Combine(StableRandom.Combine(spec.Seed, spec.Latitude), spec.Longitude);
        var days = at.UtcTicks / (double)TimeSpan.TicksPerDay;
        var season = LocalSeason(spec.Latitude, days);

        // Deliberately wider than 0–100 before clamping: real cloud cover piles up at clear and
        // overcast, and the overcast days are what bring annual PV yield down to observed levels.
        var cloud = BaseCloudPercent(spec.Latitude, season)
            + (120.0 * (StableRandom.Smooth(seed, days, CloudDayStream) - 0.5))
            + (40.0 * (StableRandom.Smooth(seed, days * 4.0, CloudHoursStream) - 0.5));
        cloud = Math.Clamp(cloud, 0.0, 100.0);

        var anomaly = (8.0 * (StableRandom.Smooth(seed, days, TemperatureDayStream) - 0.5))
            + (6.0 * (StableRandom.Smooth(seed, days / 5.0, TemperatureWeekStream) - 0.5));

        // Clouds damp the daily swing: less heating by day, less radiative cooling by night.
        var diurnalHalfRange = 5.0 * (1.0 - (0.5 * cloud / 100.0));
        var solarHour = SolarHour(days, spec.Longitude);
        var temperature = ClimateTemperatureC(spec.Latitude, season) + anomaly + (diurnalHalfRange * DiurnalShape(solarHour));

        return new WeatherSample(temperature, cloud, null, Source);
    }

    /// <summary>The site's seasonal mean temperature at <paramref name="at"/>, without weather or time of day.</summary>
    public static double ClimateTemperatureC(double latitude, DateTimeOffset at) =>
        ClimateTemperatureC(latitude, LocalSeason(latitude, at.UtcTicks / (double)TimeSpan.TicksPerDay));

    private static double ClimateTemperatureC(double latitude, double season)
    {
        var absLat = Math.Abs(latitude);
        var annualMean = 28.0 - (0.45 * Math.Max(0.0, absLat - 12.0));
        var swing = 0.5 + Math.Min(16.0, 0.25 * Math.Max(0.0, absLat - 8.0));
        return annualMean + (swing * season);
    }

    /// <summary>+1 at the local warmest time of year, −1 at the coldest; the hemispheres are opposite.</summary>
    private static double LocalSeason(double latitude, double days)
    {
        var dayOfYear = (((days - DaysTo2000) % DaysPerYear) + DaysPerYear) % DaysPerYear;
        var north = Math.Cos(2.0 * Math.PI * (dayOfYear - WarmestDayOfYearNorth) / DaysPerYear);
        return latitude >= 0 ? north : -north;
    }

    private static double BaseCloudPercent(double latitude, double season)
    {
        var absLat = Math.Abs(latitude);
        var i = 1;
        while (i < CloudLatitudes.Length - 1 && CloudLatitudes[i] < absLat)
        {
            i++;
        }

        var t = (absLat - CloudLatitudes[i - 1]) / (CloudLatitudes[i] - CloudLatitudes[i - 1]);
        var cloud = CloudPercents[i - 1] + ((CloudPercents[i] - CloudPercents[i - 1]) * t);

        // Mid-latitude winters are greyer; tropical summers bring the wet season.
        var midLatitudeWeight = Math.Clamp((absLat - 35.0) / 15.0, 0.0, 1.0);
        var tropicalWeight = Math.Clamp((20.0 - absLat) / 10.0, 0.0, 1.0);
        return cloud - (10.0 * season * midLatitudeWeight) + (10.0 * season * tropicalWeight);
    }

    private static double SolarHour(double days, double longitude)
    {
        var utcHour = (days - Math.Floor(days)) * 24.0;
        var hour = (utcHour + (longitude / 15.0)) % 24.0;
        return hour < 0 ? hour + 24.0 : hour;
    }

    /// <summary>−1 at dawn (06:00 solar), +1 mid-afternoon (15:00): a quick rise and a slow evening fall.</summary>
    private static double DiurnalShape(double solarHour)
    {
        if (solarHour is >= 6.0 and < 15.0)
        {
            return -Math.Cos(Math.PI * (solarHour - 6.0) / 9.0);
        }

        var sinceWarmest = solarHour >= 15.0 ? solarHour - 15.0 : solarHour + 9.0;
        return Math.Cos(Math.PI * sinceWarmest / 15.0);
    }
}
