using System.Runtime.CompilerServices;
using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// Site consumption: the BDEW standard load profile of the site's type (H0 homes, G0 businesses, G3 industry running
/// around the clock) by season and day type on local time, or the site's own hourly profile, plus weather-driven cooling
/// and heating and deterministic day-to-day and interval noise.
/// </summary>
public static class LoadModel
{
    /// <summary>Above this outdoor temperature air conditioning starts to add load.</summary>
    public const double CoolingThresholdC = 22.0;

    /// <summary>Below this outdoor temperature heating (heat pumps, resistive heaters) starts to add load.</summary>
    public const double HeatingThresholdC = 15.0;

    private const double HoursPerYear = 8760.0;

    private const ulong DayStream = 0x10AD_0001;
    private const ulong IntervalStream = 0x10AD_0002;

    // Weights rescaled to a weekly mean of 1, 48 of them (weekday then weekend), per profile instance.
    private static readonly ConditionalWeakTable<LoadProfile, double[]> Normalized = new();

    /// <summary>
    /// The site's average consumption apart from heating and cooling: its annual consumption when given; otherwise
    /// it follows the equipment, as installations are sized to their consumption: a home's PV roughly matches its
    /// annual use (mean ≈ 15 % of PV kWp), a business covers less of its load with PV, a factory far less.
    /// </summary>
    public static double MeanLoadKw(SiteSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.AnnualConsumptionKwh is { } annual)
        {
            return annual / HoursPerYear;
        }

        var reference = Math.Max(spec.SolarCapacityKw, Math.Max(0.5 * spec.InverterCapacityKw, 0.25 * spec.BatteryCapacityKwh));
        var factor = spec.Type switch
        {
            SiteType.Commercial => 0.30,
            SiteType.Industrial => 0.60,
            _ => 0.15,
        };
        return Math.Max(0.0, factor * reference);
    }

    /// <summary>Average load over the interval ending at <paramref name="intervalEnd"/>.</summary>
    public static double LoadKw(SiteSpec spec, DateTimeOffset intervalEnd, TimeSpan interval, double temperatureC)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var mid = intervalEnd - (interval / 2);
        var local = SiteLocalTime.LocalTime(spec, mid);
        var shape = spec.LoadProfile is { } own
            ? Shape(WeightsFor(own), local)
            : StandardLoadProfiles.Shape(StandardLoadProfiles.For(spec.Type), local);

        var (cooling, heating) = TemperatureSensitivity(spec.Type);
        var hvac = (cooling * Math.Max(0.0, temperatureC - CoolingThresholdC))
            + (heating * Math.Max(0.0, HeatingThresholdC - temperatureC));

        // Empty offices and sleeping homes barely condition their air, so HVAC follows occupancy.
        var occupancy = 0.3 + (0.7 * Math.Min(1.0, shape));

        var localDays = local.Ticks / (double)TimeSpan.TicksPerDay;
        var day = 1.0 + (0.16 * (StableRandom.Smooth(spec.Seed, localDays, DayStream) - 0.5));

        // Minute-scale appliance noise averages out over longer intervals.
        var minutes = Math.Max(1.0, interval.TotalMinutes);
        var jitter = 1.0 + (0.08 / Math.Sqrt(minutes) * StableRandom.Triangular(spec.Seed, intervalEnd.UtcTicks, IntervalStream));

        return MeanLoadKw(spec) * ((shape * day) + (hvac * occupancy)) * jitter;
    }

    /// <summary>Fractions of mean load added per kelvin beyond the cooling and heating thresholds.</summary>
    private static (double Cooling, double Heating) TemperatureSensitivity(SiteType type) => type switch
    {
        SiteType.Commercial => (0.05, 0.02),
        SiteType.Industrial => (0.015, 0.008),
        _ => (0.06, 0.03),
    };

    /// <summary>Hourly weights linearly interpolated between hour centres, so minute steps show no hourly staircase.</summary>
    private static double Shape(double[] weights, DateTime local)
    {
        var position = (local.TimeOfDay.Ticks / (double)TimeSpan.TicksPerHour) - 0.5;
        var hour = (int)Math.Floor(position);
        var t = position - hour;
        var dayOfWeek = local.DayOfWeek;
        return ((1.0 - t) * Weight(weights, dayOfWeek, hour)) + (t * Weight(weights, dayOfWeek, hour + 1));
    }

    private static double Weight(double[] weights, DayOfWeek dayOfWeek, int hour)
    {
        if (hour < 0)
        {
            dayOfWeek = dayOfWeek == DayOfWeek.Sunday ? DayOfWeek.Saturday : dayOfWeek - 1;
            hour += LoadProfile.HoursPerDay;
        }
        else if (hour >= LoadProfile.HoursPerDay)
        {
            dayOfWeek = dayOfWeek == DayOfWeek.Saturday ? DayOfWeek.Sunday : dayOfWeek + 1;
            hour -= LoadProfile.HoursPerDay;
        }

        var weekend = dayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return weights[weekend ? LoadProfile.HoursPerDay + hour : hour];
    }

    private static double[] WeightsFor(LoadProfile profile) =>
        Normalized.GetValue(profile, static p => Normalize(p));

    private static double[] Normalize(LoadProfile profile)
    {
        const int hours = LoadProfile.HoursPerDay;
        var weights = new double[2 * hours];
        var weekly = 0.0;
        for (var i = 0; i < hours; i++)
        {
            weights[i] = profile.Weekday.Count == hours ? Usable(profile.Weekday[i]) : 1.0;
            weights[hours + i] = profile.Weekend.Count == hours ? Usable(profile.Weekend[i]) : 1.0;
            weekly += (5.0 * weights[i]) + (2.0 * weights[hours + i]);
        }

        var mean = weekly / (7.0 * hours);
        var scale = mean > 0 && double.IsFinite(mean) ? 1.0 / mean : 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= scale;
        }

        return weights;
    }

    // An unvalidated profile must not poison the simulation with NaN; bad weights count as zero.
    private static double Usable(double weight) => double.IsFinite(weight) && weight > 0 ? weight : 0.0;
}
