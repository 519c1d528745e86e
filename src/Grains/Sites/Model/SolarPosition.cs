namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// The sun's position after NOAA's solar calculator (Meeus-based: julian century, declination,
/// equation of time, hour angle). Elevations are geometric (no refraction) because they feed the
/// irradiance model; sunrise and sunset use NOAA's 90.833° zenith, which folds in refraction and
/// the solar disc's radius, so they match published tables.
/// </summary>
public static class SolarPosition
{
    /// <summary>NOAA's apparent-sunrise zenith: 90° + 34′ refraction + 16′ solar semi-diameter.</summary>
    public const double SunriseZenithDegrees = 90.833;

    private const double DegToRad = Math.PI / 180.0;
    private const double RadToDeg = 180.0 / Math.PI;

    // JD of 0001-01-01T00:00Z (proleptic Gregorian), the origin of DateTime ticks.
    private const double JulianDayAtTicksZero = 1721425.5;
    private const double J2000 = 2451545.0;
    private const double DaysPerJulianCentury = 36525.0;

    public static double ElevationDegrees(double lat, double lon, DateTimeOffset at) =>
        Math.Asin(SinElevation(lat, lon, at)) * RadToDeg;

    /// <summary>The sine of the geometric elevation, i.e. cos(zenith), which irradiance models use directly.</summary>
    public static double SinElevation(double lat, double lon, DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        var jd = (ticks / (double)TimeSpan.TicksPerDay) + JulianDayAtTicksZero;
        var (declination, equationOfTimeMinutes) = Sun(JulianCentury(jd));
        var minutesOfDay = (ticks % TimeSpan.TicksPerDay) / (double)TimeSpan.TicksPerMinute;
        var trueSolarMinutes = minutesOfDay + equationOfTimeMinutes + (4.0 * lon);
        var hourAngle = ((trueSolarMinutes / 4.0) - 180.0) * DegToRad;
        var latRad = lat * DegToRad;
        var sinElevation = (Math.Sin(latRad) * Math.Sin(declination))
            + (Math.Cos(latRad) * Math.Cos(declination) * Math.Cos(hourAngle));
        return Math.Clamp(sinElevation, -1.0, 1.0);
    }

    /// <summary>
    /// The unit vector towards the sun in the site's east, north and up axes (up is <see cref="SinElevation"/>), which
    /// the angle of incidence on a tilted array needs.
    /// </summary>
    public static (double East, double North, double Up) Direction(double lat, double lon, DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        var jd = (ticks / (double)TimeSpan.TicksPerDay) + JulianDayAtTicksZero;
        var (declination, equationOfTimeMinutes) = Sun(JulianCentury(jd));
        var minutesOfDay = (ticks % TimeSpan.TicksPerDay) / (double)TimeSpan.TicksPerMinute;
        var hourAngle = ((((minutesOfDay + equationOfTimeMinutes + (4.0 * lon)) / 4.0) - 180.0)) * DegToRad;
        var latRad = lat * DegToRad;
        var east = -Math.Cos(declination) * Math.Sin(hourAngle);
        var north = (Math.Sin(declination) * Math.Cos(latRad)) - (Math.Cos(declination) * Math.Cos(hourAngle) * Math.Sin(latRad));
        var up = (Math.Sin(latRad) * Math.Sin(declination)) + (Math.Cos(latRad) * Math.Cos(declination) * Math.Cos(hourAngle));
        return (east, north, Math.Clamp(up, -1.0, 1.0));
    }

    /// <summary>
    /// Sunrise and sunset in UTC for the solar day whose noon falls near 12:00 local mean time on
    /// <paramref name="date"/> (so Sydney's sunrise on 15 January is 14 January in UTC). Both are
    /// null when the sun stays below (polar night) or above (polar day) the horizon all day.
    /// </summary>
    public static (DateTimeOffset? Sunrise, DateTimeOffset? Sunset) SunTimes(double lat, double lon, DateOnly date)
    {
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var jdMidnight = (midnight.UtcTicks / (double)TimeSpan.TicksPerDay) + JulianDayAtTicksZero;
        var rise = EventMinutesUtc(rising: true, jdMidnight, lat, lon);
        var set = EventMinutesUtc(rising: false, jdMidnight, lat, lon);
        if (rise is null || set is null)
        {
            return (null, null);
        }

        return (midnight.AddMinutes(rise.Value), midnight.AddMinutes(set.Value));
    }

    /// <summary>
    /// Minutes after the date's UTC midnight, refined once at the first estimate's own instant as
    /// NOAA's calculator does, because declination and equation of time drift during the day.
    /// </summary>
    private static double? EventMinutesUtc(bool rising, double jdMidnight, double lat, double lon)
    {
        var estimate = EventMinutesUtcAt(rising, jdMidnight + 0.5 - (lon / 360.0), lat, lon);
        if (estimate is null)
        {
            return null;
        }

        return EventMinutesUtcAt(rising, jdMidnight + (estimate.Value / 1440.0), lat, lon);
    }

    private static double? EventMinutesUtcAt(bool rising, double jd, double lat, double lon)
    {
        var (declination, equationOfTimeMinutes) = Sun(JulianCentury(jd));
        var latRad = lat * DegToRad;
        var cosHourAngle = (Math.Cos(SunriseZenithDegrees * DegToRad) / (Math.Cos(latRad) * Math.Cos(declination)))
            - (Math.Tan(latRad) * Math.Tan(declination));
        if (!double.IsFinite(cosHourAngle) || cosHourAngle is < -1.0 or > 1.0)
        {
            return null;
        }

        var hourAngleDegrees = Math.Acos(cosHourAngle) * RadToDeg;
        var offset = rising ? hourAngleDegrees : -hourAngleDegrees;
        return 720.0 - (4.0 * (lon + offset)) - equationOfTimeMinutes;
    }

    private static double JulianCentury(double jd) => (jd - J2000) / DaysPerJulianCentury;

    /// <summary>Declination (radians) and equation of time (minutes) at julian century <paramref name="t"/>.</summary>
    private static (double Declination, double EquationOfTimeMinutes) Sun(double t)
    {
        var meanLongitude = ((280.46646 + (t * (36000.76983 + (t * 0.0003032)))) % 360.0) * DegToRad;
        var meanAnomaly = (357.52911 + (t * (35999.05029 - (0.0001537 * t)))) * DegToRad;
        var eccentricity = 0.016708634 - (t * (0.000042037 + (0.0000001267 * t)));
        var center = (Math.Sin(meanAnomaly) * (1.914602 - (t * (0.004817 + (0.000014 * t)))))
            + (Math.Sin(2 * meanAnomaly) * (0.019993 - (0.000101 * t)))
            + (Math.Sin(3 * meanAnomaly) * 0.000289);
        var omega = (125.04 - (1934.136 * t)) * DegToRad;
        var apparentLongitude = ((meanLongitude * RadToDeg) + center - 0.00569 - (0.00478 * Math.Sin(omega))) * DegToRad;
        var seconds = 21.448 - (t * (46.815 + (t * (0.00059 - (t * 0.001813)))));
        var meanObliquity = 23.0 + ((26.0 + (seconds / 60.0)) / 60.0);
        var obliquity = (meanObliquity + (0.00256 * Math.Cos(omega))) * DegToRad;
        var declination = Math.Asin(Math.Sin(obliquity) * Math.Sin(apparentLongitude));

        var tanHalf = Math.Tan(obliquity / 2.0);
        var y = tanHalf * tanHalf;
        var sinM = Math.Sin(meanAnomaly);
        var equationOfTime = (y * Math.Sin(2 * meanLongitude))
            - (2 * eccentricity * sinM)
            + (4 * eccentricity * y * sinM * Math.Cos(2 * meanLongitude))
            - (0.5 * y * y * Math.Sin(4 * meanLongitude))
            - (1.25 * eccentricity * eccentricity * Math.Sin(2 * meanAnomaly));
        return (declination, 4.0 * equationOfTime * RadToDeg);
    }
}
