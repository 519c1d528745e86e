using System.Globalization;

namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// The BDEW standard load profiles (Data/README.md): H0 for homes, G0 for businesses, G3 for sites running around the
/// clock, by season and day type, with H0's day-of-year dynamization. <see cref="Shape"/> is scaled to a yearly mean
/// of 1, so a site's mean load times the shape is its load.
/// </summary>
public static class StandardLoadProfiles
{
    public const string Homes = "H0";
    public const string Businesses = "G0";
    public const string AroundTheClock = "G3";

    private const int Hours = 24;

    private static readonly Dictionary<(string Profile, string Season, string Day), double[]> Table = Load();
    private static readonly Dictionary<string, double> YearlyMeans = new[] { Homes, Businesses, AroundTheClock }
        .ToDictionary(p => p, YearlyMean);

    public static string For(SiteType type) => type switch
    {
        SiteType.Commercial => Businesses,
        SiteType.Industrial => AroundTheClock,
        _ => Homes,
    };

    /// <summary>BDEW's seasons: winter 1 November to 20 March, summer 15 May to 14 September, transition between.</summary>
    public static string Season(DateTime local)
    {
        var (month, day) = (local.Month, local.Day);
        if (month is 11 or 12 or 1 or 2 || (month == 3 && day <= 20))
        {
            return "winter";
        }

        return (month is > 5 and < 9) || (month == 5 && day >= 15) || (month == 9 && day <= 14) ? "summer" : "transition";
    }

    public static string DayType(DayOfWeek day) => day switch
    {
        DayOfWeek.Saturday => "saturday",
        DayOfWeek.Sunday => "sunday",
        _ => "weekday",
    };

    /// <summary>BDEW's fourth-degree dynamization of H0 over the day of the year: about 1.24 in January, 0.8 in July.</summary>
    public static double Dynamization(int dayOfYear)
    {
        double t = dayOfYear;
        return (-3.92e-10 * t * t * t * t) + (3.2e-7 * t * t * t) - (7.02e-5 * t * t) + (2.1e-3 * t) + 1.24;
    }

    /// <summary>The profile's value for the hour holding <paramref name="local"/>, in kW per 1,000 kWh a year, dynamized for H0.</summary>
    public static double HourValue(string profile, DateTime local)
    {
        var value = Table[(profile, Season(local), DayType(local.DayOfWeek))][local.Hour];
        return profile == Homes ? value * Dynamization(local.DayOfYear) : value;
    }

    /// <summary>The profile at <paramref name="local"/>, interpolated between hour centres, relative to its yearly mean.</summary>
    public static double Shape(string profile, DateTime local)
    {
        var position = local.AddMinutes(-30);
        var before = new DateTime(position.Year, position.Month, position.Day, position.Hour, 0, 0, DateTimeKind.Unspecified);
        var t = (position - before).TotalHours;
        var value = ((1.0 - t) * HourValue(profile, before)) + (t * HourValue(profile, before.AddHours(1)));
        return value / YearlyMeans[profile];
    }

    private static double YearlyMean(string profile)
    {
        var sum = 0.0;
        var hours = 0;
        for (var at = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified); at.Year == 2025; at = at.AddHours(1), hours++)
        {
            sum += HourValue(profile, at);
        }

        return sum / hours;
    }

    private static Dictionary<(string, string, string), double[]> Load()
    {
        using var stream = typeof(StandardLoadProfiles).Assembly.GetManifestResourceStream("StandardLoadProfiles.csv")
            ?? throw new InvalidOperationException("The standard load profiles are not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<(string, string, string), double[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.StartsWith("profile,", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            table[(fields[0], fields[1], fields[2])] = [.. fields.Skip(3).Take(Hours).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        }

        return table;
    }
}
