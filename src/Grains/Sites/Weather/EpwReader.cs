using System.Globalization;
using System.Text;

namespace EnergyActors.Grains.Sites.Weather;

/// <summary>
/// Reads EnergyPlus weather files (EPW): eight header lines (LOCATION gives latitude, longitude and the UTC offset of
/// the file's standard time), then one comma-separated row per hour, stamped with the hour it ends (1–24). Typical
/// years mix source years month by month, so the year column is ignored; 29 February, when present, is skipped;
/// missing values (9999 for irradiance, 99.9 °C, 99 for sky cover) are filled from the nearest hours either side.
/// </summary>
public static class EpwReader
{
    private const int HeaderLines = 8;
    private const int DryBulbField = 6;
    private const int GhiField = 13;
    private const int TotalSkyCoverField = 22;

    /// <summary>A file's bytes (UTF-8; EPW text is ASCII in practice), named after <paramref name="fileName"/> without its extension.</summary>
    public static TypicalWeatherYear Read(string fileName, byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), new UTF8Encoding(false));
        return Read(Path.GetFileNameWithoutExtension(fileName), reader);
    }

    public static TypicalWeatherYear Read(string name, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var location = reader.ReadLine() ?? throw Invalid(1, "the file is empty");
        var (latitude, longitude, offset) = Location(location);
        for (var line = 2; line <= HeaderLines; line++)
        {
            _ = reader.ReadLine() ?? throw Invalid(line, "the header ends early (an EPW file has 8 header lines)");
        }

        var temperature = Missing();
        var ghi = Missing();
        var cloud = Missing();
        var seen = new bool[TypicalWeatherYear.Hours];
        var number = HeaderLines;
        while (reader.ReadLine() is { } row)
        {
            number++;
            if (string.IsNullOrWhiteSpace(row))
            {
                continue;
            }

            var fields = row.Split(',');
            if (fields.Length <= TotalSkyCoverField)
            {
                throw Invalid(number, $"a data row has {fields.Length} fields, fewer than {TotalSkyCoverField + 1}");
            }

            var month = Whole(fields[1], number, "month", 1, 12);
            var day = Whole(fields[2], number, "day", 1, 31);
            var hour = Whole(fields[3], number, "hour", 1, 24);
            if (month == 2 && day == 29)
            {
                continue;
            }

            var index = HourIndex(month, day, hour, number);
            seen[index] = true;
            temperature[index] = Value(fields[DryBulbField], number, v => v is > -90 and < 70);
            ghi[index] = Value(fields[GhiField], number, v => v is >= 0 and < 2000);
            cloud[index] = Value(fields[TotalSkyCoverField], number, v => v is >= 0 and <= 10) * 10.0;
        }

        var absent = Array.IndexOf(seen, false);
        if (absent >= 0)
        {
            throw Invalid(number, $"hour {absent + 1} of the year (day {(absent / 24) + 1}, hour {(absent % 24) + 1}) has no row");
        }

        Fill(temperature, "dry-bulb temperature");
        Fill(ghi, "global horizontal radiation");
        if (!Fill(cloud, null))
        {
            Array.Fill(cloud, 50.0);
        }

        return new TypicalWeatherYear(name, latitude, longitude, offset, temperature, ghi, cloud);
    }

    private static (double Latitude, double Longitude, double UtcOffset) Location(string line)
    {
        var fields = line.Split(',');
        if (fields.Length < 9 || !fields[0].Trim().Equals("LOCATION", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(1, "the first line must be LOCATION,city,region,country,source,station,latitude,longitude,time zone,elevation");
        }

        var latitude = Number(fields[6], 1, "latitude");
        var longitude = Number(fields[7], 1, "longitude");
        var offset = Number(fields[8], 1, "time zone");
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || offset is < -12 or > 14)
        {
            throw Invalid(1, "LOCATION's latitude, longitude or time zone is out of range");
        }

        return (latitude, longitude, offset);
    }

    private static int HourIndex(int month, int day, int hour, int line) =>
        day <= DateTime.DaysInMonth(2025, month)
            ? (TypicalWeatherYear.DayIndex(month, day) * 24) + hour - 1
            : throw Invalid(line, $"{month}/{day} is not a date");

    private static double[] Missing()
    {
        var values = new double[TypicalWeatherYear.Hours];
        Array.Fill(values, double.NaN);
        return values;
    }

    /// <summary>Fills each missing hour linearly from the nearest known hours either side, round the year's end.</summary>
    private static bool Fill(double[] values, string? required)
    {
        var known = Enumerable.Range(0, values.Length).Where(i => !double.IsNaN(values[i])).ToArray();
        if (known.Length == 0)
        {
            return required is null ? false : throw new InvalidDataException($"The weather file has no {required} at all.");
        }

        var n = values.Length;
        for (var k = 0; k < known.Length; k++)
        {
            var from = known[k];
            var to = k + 1 < known.Length ? known[k + 1] : known[0] + n;
            for (var i = from + 1; i < to; i++)
            {
                var t = (double)(i - from) / (to - from);
                values[i % n] = values[from] + ((values[to % n] - values[from]) * t);
            }
        }

        return true;
    }

    private static double Value(string text, int line, Func<double, bool> plausible)
    {
        // EPW marks a missing value with a out-of-range sentinel (9999, 99.9, 99); anything implausible counts as missing.
        var value = Number(text, line, "value");
        return plausible(value) ? value : double.NaN;
    }

    private static double Number(string text, int line, string what) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Invalid(line, $"'{Shorten(text)}' is not a number ({what})");

    private static int Whole(string text, int line, string what, int min, int max) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(line, $"'{Shorten(text)}' is not a {what} from {min} to {max}");

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private static InvalidDataException Invalid(int line, string problem) => new($"Weather file line {line}: {problem}.");
}
