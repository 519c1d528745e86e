namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// A site's hourly consumption shape: 24 relative weights for weekdays and 24 for weekends,
/// index 0 covering local 00:00–01:00. Only the shape matters: the model rescales the weights so
/// their weekly mean is 1, which keeps a custom profile from changing the site's size. The lists
/// are treated as immutable once the profile is used.
/// </summary>
public sealed record LoadProfile(IReadOnlyList<double> Weekday, IReadOnlyList<double> Weekend)
{
    public const int HoursPerDay = 24;

    /// <summary>Returns why <paramref name="profile"/> is unusable, or null when it is valid.</summary>
    public static string? Validate(LoadProfile? profile)
    {
        if (profile is null)
        {
            return "loadProfile is required";
        }

        var weekday = ValidateDay(profile.Weekday, "weekday");
        if (weekday is not null)
        {
            return weekday;
        }

        var weekend = ValidateDay(profile.Weekend, "weekend");
        if (weekend is not null)
        {
            return weekend;
        }

        var total = 0.0;
        for (var i = 0; i < HoursPerDay; i++)
        {
            total += profile.Weekday[i] + profile.Weekend[i];
        }

        return total > 0 ? null : "loadProfile weights must not all be zero";
    }

    private static string? ValidateDay(IReadOnlyList<double>? weights, string name)
    {
        if (weights is null || weights.Count != HoursPerDay)
        {
            return $"loadProfile.{name} must have exactly {HoursPerDay} hourly weights";
        }

        for (var i = 0; i < HoursPerDay; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                return $"loadProfile.{name}[{i}] must be a finite non-negative number";
            }
        }

        return null;
    }
}
