using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// The physical configuration of a site. Together with <see cref="Seed"/> it is the only source
/// of the simulation's randomness (besides each interval's timestamp), so two sites with equal
/// specs produce identical readings for the same period whatever their ids.
/// </summary>
/// <param name="Type">Selects the load shape, its size relative to the equipment and its weather sensitivity.</param>
/// <param name="Latitude">Degrees, north positive.</param>
/// <param name="Longitude">Degrees, east positive.</param>
/// <param name="TimeZoneId">An IANA (or Windows) id; unknown ids fall back to the longitude's nominal offset.</param>
/// <param name="BatteryCapacityKwh">Nominal (new) capacity.</param>
/// <param name="BatteryMaxPowerKw">The limit at the battery terminals, for charge and discharge alike.</param>
/// <param name="SolarCapacityKw">PV peak power at standard test conditions (DC kWp).</param>
/// <param name="InverterCapacityKw">The AC output limit; PV beyond it (and the battery's intake) is clipped.</param>
/// <param name="LoadProfile">When set, replaces the site type's hourly shape (not its size).</param>
/// <param name="Seed">The root of every random draw: weather drift, load noise, cloud flicker.</param>
/// <param name="TiltDegrees">The array's tilt from horizontal; null: <see cref="SiteArray.DefaultTilt"/>.</param>
/// <param name="AzimuthDegrees">The compass direction the array faces (180 = south); null: towards the equator.</param>
/// <param name="WeatherFile">A typical-year weather file (EPW) the site runs on instead of the synthetic weather.</param>
/// <param name="AnnualConsumptionKwh">Consumption a year apart from heating and cooling; null: sized from the equipment.</param>
public sealed record SiteSpec(
    SiteType Type,
    double Latitude,
    double Longitude,
    string TimeZoneId,
    double BatteryCapacityKwh,
    double BatteryMaxPowerKw,
    double SolarCapacityKw,
    double InverterCapacityKw,
    LoadProfile? LoadProfile,
    long Seed,
    double? TiltDegrees = null,
    double? AzimuthDegrees = null,
    string? WeatherFile = null,
    double? AnnualConsumptionKwh = null)
{
    public double Tilt => TiltDegrees ?? SiteArray.DefaultTilt(Latitude);

    public double Azimuth => AzimuthDegrees ?? SiteArray.DefaultAzimuth(Latitude);

    /// <summary>Returns why <paramref name="spec"/> cannot be simulated, or null when it can.</summary>
    public static string? Validate(SiteSpec? spec)
    {
        if (spec is null)
        {
            return "site spec is required";
        }

        if (!Enum.IsDefined(spec.Type))
        {
            return "type must be residential, commercial or industrial";
        }

        if (!double.IsFinite(spec.Latitude) || spec.Latitude is < -90 or > 90)
        {
            return "latitude must be within -90..90";
        }

        if (!double.IsFinite(spec.Longitude) || spec.Longitude is < -180 or > 180)
        {
            return "longitude must be within -180..180";
        }

        if (string.IsNullOrWhiteSpace(spec.TimeZoneId))
        {
            return "timeZone is required";
        }

        if (!IsPositive(spec.BatteryCapacityKwh) || !IsPositive(spec.BatteryMaxPowerKw))
        {
            return "batteryCapacityKwh and batteryMaxPowerKw must be positive";
        }

        if (!double.IsFinite(spec.SolarCapacityKw) || spec.SolarCapacityKw < 0)
        {
            return "solarCapacityKw must be zero or positive";
        }

        if (!IsPositive(spec.InverterCapacityKw))
        {
            return "inverterCapacityKw must be positive";
        }

        if (spec.AnnualConsumptionKwh is { } annual && (!double.IsFinite(annual) || annual <= 0))
        {
            return "annualConsumptionKwh must be positive";
        }

        if (spec.TiltDegrees is { } tilt && (!double.IsFinite(tilt) || tilt is < 0 or > 90))
        {
            return "tilt must be within 0..90 degrees";
        }

        if (spec.AzimuthDegrees is { } azimuth && (!double.IsFinite(azimuth) || azimuth is < 0 or >= 360))
        {
            return "azimuth must be within 0..360 degrees (compass, 180 = south)";
        }

        return spec.LoadProfile is null ? null : LoadProfile.Validate(spec.LoadProfile);
    }

    private static bool IsPositive(double value) => double.IsFinite(value) && value > 0;
}
