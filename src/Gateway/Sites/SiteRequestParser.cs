using System.Globalization;
using System.Text.Json;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Gateway.Sites;

/// <summary>Reads the site configuration bodies field by field (create, patch), naming every wrong field.</summary>
public static class SiteRequestParser
{
    public static readonly string[] Types = ["residential", "commercial", "industrial"];

    public const int DefaultIntervalMinutes = 5;

    // A profile's shape is rescaled to a mean of 1; a peak below this would scale the weights past what a double holds.
    private const double MinPeakWeight = 0.001;

    public static SiteCreateRequest? ReadCreate(JsonElement body, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var siteId = body.TryGetProperty("siteId", out var idValue) && idValue.ValueKind != JsonValueKind.Null
            ? ReadingParser.RequiredId(body, "siteId", errors)
            : null;
        var name = Text(body, "name", errors, required: true);
        var type = Text(body, "type", errors, required: true);
        if (type is not null && !Types.Contains(type))
        {
            errors.Add(new FieldError("type", "'type' must be residential, commercial or industrial."));
        }

        var timeZone = Text(body, "timeZone", errors, required: true);
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors.Add(new FieldError("timeZone", "'timeZone' must be an IANA time zone id such as Europe/Berlin."));
        }

        // Initializers run in the order written: the order the errors are named in.
        var site = new SiteCreateRequest
        {
            SiteId = siteId,
            Name = name ?? string.Empty,
            Type = type ?? string.Empty,
            TimeZone = timeZone ?? string.Empty,
            Latitude = ReadingParser.Number(body, "latitude", -90, 90, errors),
            Longitude = ReadingParser.Number(body, "longitude", -180, 180, errors),
            BatteryCapacityKwh = Rating(body, "batteryCapacityKwh", ReadingLimits.MaxStorageKwh, errors),
            BatteryMaxPowerKw = Rating(body, "batteryMaxPowerKw", ReadingLimits.MaxPowerKw, errors),
            SolarCapacityKw = ReadingParser.Number(body, "solarCapacityKw", 0, ReadingLimits.MaxPowerKw, errors),
            InverterCapacityKw = Rating(body, "inverterCapacityKw", ReadingLimits.MaxPowerKw, errors),
            IntervalMinutes = Interval(body, errors),
            Simulate = Flag(body, "simulate", errors),
            Running = Flag(body, "running", errors),
            Seed = Seed(body, errors),
            LoadProfile = Profile(body, errors),
            Tilt = Angle(body, "tilt", 90, errors),
            Azimuth = Angle(body, "azimuth", 360, errors),
            WeatherFile = WeatherFileField(body, errors),
            AnnualConsumptionKwh = AnnualConsumption(body, errors),
        };
        return errors.Count == before ? site : null;
    }

    public static SitePatchRequest? ReadPatch(JsonElement body, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("name" or "intervalMinutes" or "running" or "batteryMaxPowerKw" or "solarCapacityKw" or "inverterCapacityKw" or "loadProfile" or "tilt" or "azimuth" or "weatherFile" or "annualConsumptionKwh"))
            {
                // The name becomes a key of the answer's errors only when it is clean text a client can print.
                var field = TextRules.IsClean(property.Name) && property.Name.Length <= 200 ? property.Name : JsonBody.Field;
                errors.Add(new FieldError(field, $"'{field}' cannot be changed; PATCH takes name, intervalMinutes, running, batteryMaxPowerKw, solarCapacityKw, inverterCapacityKw, loadProfile, tilt, azimuth, weatherFile and annualConsumptionKwh."));
            }
        }

        var clearProfile = body.TryGetProperty("loadProfile", out var profileValue) && profileValue.ValueKind == JsonValueKind.Null;
        var clearWeather = body.TryGetProperty("weatherFile", out var weatherValue) && weatherValue.ValueKind == JsonValueKind.Null;
        var patch = new SitePatchRequest
        {
            Name = Text(body, "name", errors, required: false),
            IntervalMinutes = Interval(body, errors),
            Running = Flag(body, "running", errors),
            BatteryMaxPowerKw = body.TryGetProperty("batteryMaxPowerKw", out _) ? Rating(body, "batteryMaxPowerKw", ReadingLimits.MaxPowerKw, errors) : null,
            SolarCapacityKw = body.TryGetProperty("solarCapacityKw", out _) ? ReadingParser.Number(body, "solarCapacityKw", 0, ReadingLimits.MaxPowerKw, errors) : null,
            InverterCapacityKw = body.TryGetProperty("inverterCapacityKw", out _) ? Rating(body, "inverterCapacityKw", ReadingLimits.MaxPowerKw, errors) : null,
            LoadProfile = clearProfile ? null : Profile(body, errors),
            ClearsLoadProfile = clearProfile,
            Tilt = Angle(body, "tilt", 90, errors),
            Azimuth = Angle(body, "azimuth", 360, errors),
            WeatherFile = WeatherFileField(body, errors),
            ClearsWeatherFile = clearWeather,
            AnnualConsumptionKwh = AnnualConsumption(body, errors),
        };
        return errors.Count == before ? patch : null;
    }

    private static double? AnnualConsumption(JsonElement body, List<FieldError> errors) =>
        body.TryGetProperty("annualConsumptionKwh", out var value) && value.ValueKind != JsonValueKind.Null
            ? Rating(body, "annualConsumptionKwh", ReadingLimits.MaxAnnualConsumptionKwh, errors)
            : null;

    private static string? WeatherFileField(JsonElement body, List<FieldError> errors)
    {
        if (!body.TryGetProperty("weatherFile", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var name = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (!WeatherFileName.IsValid(name))
        {
            errors.Add(new FieldError("weatherFile", $"'weatherFile' {WeatherFileName.Rule}."));
            return null;
        }

        return name;
    }

    /// <summary>An optional angle in degrees from 0 to <paramref name="max"/>; a compass 360 is stored as 0.</summary>
    private static double? Angle(JsonElement body, string field, double max, List<FieldError> errors)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var degrees = ReadingParser.Number(body, field, 0, max, errors);
        return max >= 360 && degrees >= 360 ? 0 : degrees;
    }

    private static string? Text(JsonElement body, string field, List<FieldError> errors, bool required)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new FieldError(field, $"'{field}' is required."));
            }

            return null;
        }

        var expected = $"'{field}' must be a string of 1 to 200 characters.";
        var text = JsonText.Read(value, field, expected, errors);
        if (text is not null && (string.IsNullOrWhiteSpace(text) || text.Length > 200))
        {
            errors.Add(new FieldError(field, expected));
            return null;
        }

        return text;
    }

    /// <summary>A battery or inverter rating: a number from <see cref="ReadingLimits.MinSiteRating"/> to <paramref name="max"/>.</summary>
    private static double Rating(JsonElement body, string field, double max, List<FieldError> errors) =>
        ReadingParser.Number(body, field, ReadingLimits.MinSiteRating, max, errors);

    private static int? Interval(JsonElement body, List<FieldError> errors)
    {
        if (!body.TryGetProperty("intervalMinutes", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var minutes) || minutes is < 1 or > 60)
        {
            errors.Add(new FieldError("intervalMinutes", "'intervalMinutes' must be a whole number from 1 to 60."));
            return null;
        }

        return minutes;
    }

    private static bool? Flag(JsonElement body, string field, List<FieldError> errors)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(new FieldError(field, $"'{field}' must be true or false."));
            return null;
        }

        return value.GetBoolean();
    }

    private static long? Seed(JsonElement body, List<FieldError> errors)
    {
        if (!body.TryGetProperty("seed", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var seed))
        {
            errors.Add(new FieldError("seed", "'seed' must be a whole number."));
            return null;
        }

        return seed;
    }

    private static LoadProfileBody? Profile(JsonElement body, List<FieldError> errors)
    {
        if (!body.TryGetProperty("loadProfile", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("loadProfile", "'loadProfile' must be an object {weekday: [24 weights], weekend: [24 weights]}."));
            return null;
        }

        var weekday = Weights(value, "weekday", errors);
        var weekend = Weights(value, "weekend", errors);
        return weekday is null || weekend is null ? null : new LoadProfileBody(weekday, weekend);
    }

    private static double[]? Weights(JsonElement profile, string field, List<FieldError> errors)
    {
        var path = $"loadProfile.{field}";
        if (!profile.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 24)
        {
            errors.Add(new FieldError(path, $"'{path}' must be an array of 24 hourly weights."));
            return null;
        }

        var weights = new double[24];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var w) || !double.IsFinite(w) || w < 0 || w > 1_000)
            {
                errors.Add(new FieldError(path, $"'{path}' weights must be finite numbers from 0 to 1000."));
                return null;
            }

            weights[i++] = w;
        }

        if (weights.Max() < MinPeakWeight)
        {
            errors.Add(new FieldError(path, string.Create(CultureInfo.InvariantCulture, $"'{path}' must have a weight of at least {MinPeakWeight} (it must not be all zero).")));
            return null;
        }

        return weights;
    }
}
