using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Grains.Sites.Weather;

/// <summary>
/// A typical year of hourly weather (8,760 hours of a year without 29 February, in the file's local standard time),
/// as building-energy tools use it: any instant of any year reads the same month, day and hour, interpolated between
/// hour midpoints. Each hour's value is the mean over the hour ending at its stamp, so it sits at half past.
/// </summary>
public sealed class TypicalWeatherYear
{
    public const int Hours = 8760;

    private static readonly int[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    private readonly double[] _temperatureC;
    private readonly double[] _ghiWm2;
    private readonly double[] _cloudPercent;

    public TypicalWeatherYear(string name, double latitude, double longitude, double utcOffsetHours, double[] temperatureC, double[] ghiWm2, double[] cloudPercent)
    {
        ArgumentNullException.ThrowIfNull(temperatureC);
        ArgumentNullException.ThrowIfNull(ghiWm2);
        ArgumentNullException.ThrowIfNull(cloudPercent);
        if (temperatureC.Length != Hours || ghiWm2.Length != Hours || cloudPercent.Length != Hours)
        {
            throw new ArgumentException($"A typical year has {Hours} hours.");
        }

        Name = name;
        Latitude = latitude;
        Longitude = longitude;
        UtcOffsetHours = utcOffsetHours;
        _temperatureC = temperatureC;
        _ghiWm2 = ghiWm2;
        _cloudPercent = cloudPercent;
    }

    public string Name { get; }

    public double Latitude { get; }

    public double Longitude { get; }

    public double UtcOffsetHours { get; }

    /// <summary>What a reading's <c>weather.source</c> says.</summary>
    public string Source => "epw:" + Name;

    /// <summary>Global horizontal irradiance summed over the year, kWh/m².</summary>
    public double AnnualGhiKwhPerM2 => _ghiWm2.Sum() / 1000.0;

    /// <summary>The hour's values as the file gives them (index 0 is 1 January, the hour ending 01:00).</summary>
    public (double TemperatureC, double GhiWm2, double CloudPercent) Hour(int index) =>
        (_temperatureC[index], _ghiWm2[index], _cloudPercent[index]);

    public WeatherSample Sample(DateTimeOffset at)
    {
        var local = at.UtcDateTime.AddHours(UtcOffsetHours);
        var position = (DayIndex(local.Month, local.Day) * 24.0) + local.TimeOfDay.TotalHours - 0.5;
        var before = (int)Math.Floor(position);
        var t = position - before;
        var i0 = ((before % Hours) + Hours) % Hours;
        var i1 = (i0 + 1) % Hours;
        return new WeatherSample(
            Lerp(_temperatureC, i0, i1, t),
            Lerp(_cloudPercent, i0, i1, t),
            Math.Max(0.0, Lerp(_ghiWm2, i0, i1, t)),
            Source);
    }

    /// <summary>The day of a year without 29 February, from 0; 29 February reads 28 February.</summary>
    internal static int DayIndex(int month, int day) => DaysBeforeMonth[month - 1] + Math.Min(day, month == 2 ? 28 : 31) - 1;

    private static double Lerp(double[] values, int i0, int i1, double t) => values[i0] + ((values[i1] - values[i0]) * t);
}
