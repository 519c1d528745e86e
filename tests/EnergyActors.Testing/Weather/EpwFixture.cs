using System.Globalization;
using System.Text;

namespace EnergyActors.Tests.Weather;

/// <summary>
/// Writes EPW files with the format's quirks: CRLF lines, header comments full of commas, a typical year whose rows
/// come from different source years month by month, minutes of 60 or 0, 29 February in a leap file, missing values
/// (9999, 99.9, 99) and trailing blank lines. Hourly values follow simple rules the tests can recompute.
/// </summary>
public static class EpwFixture
{
    public const double Latitude = 52.47;
    public const double Longitude = 13.4;
    public const double UtcOffset = 1;

    /// <summary>Mean GHI of the hour ending <paramref name="hour"/> (1–24) on day <paramref name="day"/> (0 = 1 January).</summary>
    public static double Ghi(int day, int hour) => hour is >= 9 and <= 16 ? 100 + day + (10 * hour) : 0;

    public static double Temperature(int day, int hour) => -5 + (day / 20.0) + (hour / 10.0);

    public static double Cloud(int hour) => hour % 11 * 10.0;

    public static string Write(bool leap = false, Func<int, int, string?>? missing = null, bool dropLastHour = false)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"LOCATION,Berlin \"Tempelhof\",BE,DEU,IWEC Data,103840,{Latitude},{Longitude},{UtcOffset},48.0\r\n");
        text.Append("DESIGN CONDITIONS,1,Climate Design Data 2009 ASHRAE Handbook,,Heating,1,-11.9,-9.6\r\n");
        text.Append("TYPICAL/EXTREME PERIODS,6,Summer - Week Nearest Max Temperature For Period,Extreme,7/ 6,7/12\r\n");
        text.Append("GROUND TEMPERATURES,3,.5,,,,1.68,-0.05,0.53,3.27\r\n");
        text.Append("HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0\r\n");
        text.Append("COMMENTS 1,\"IWEC- WMO#103840 - Europe -- Original Source Data (c) 2001 ASHRAE, Inc.\"\r\n");
        text.Append("COMMENTS 2, -- Ground temps produced with a standard soil diffusivity of 2.3225760E-03 {m**2/day}\r\n");
        text.Append("DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31\r\n");
        var year = leap ? 2024 : 2025;
        var day = 0;
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            var isLeapDay = date is { Month: 2, Day: 29 };
            for (var hour = 1; hour <= 24; hour++)
            {
                if (dropLastHour && date is { Month: 12, Day: 31 } && hour == 24)
                {
                    continue;
                }

                var source = 1990 + date.Month;
                var minute = hour % 2 == 0 ? 60 : 0;
                var ghi = isLeapDay ? 1999 : Ghi(day, hour);
                var temperature = isLeapDay ? 60 : Temperature(day, hour);
                var fields = missing?.Invoke(day, hour);
                var ghiText = fields == "ghi" ? "9999" : ghi.ToString(CultureInfo.InvariantCulture);
                var temperatureText = fields == "temperature" ? "99.9" : temperature.ToString("0.0##", CultureInfo.InvariantCulture);
                var cloudText = fields == "cloud" ? "99" : (Cloud(hour) / 10).ToString(CultureInfo.InvariantCulture);
                text.Append(CultureInfo.InvariantCulture,
                    $"{source},{date.Month},{date.Day},{hour},{minute},?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9?9?9,{temperatureText},-3.0,80,101300,0,1415,290,{ghiText},0,{ghiText},0,0,0,0,230,4.1,{cloudText},{cloudText},16.0,77777,9,999999999,0,0.0880,0,88,0.000,0.0,0.0\r\n");
            }

            if (!isLeapDay)
            {
                day++;
            }
        }

        text.Append("\r\n\r\n");
        return text.ToString();
    }
}
