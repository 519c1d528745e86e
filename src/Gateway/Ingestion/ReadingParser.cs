using System.Globalization;
using System.Text.Json;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;
using Microsoft.Extensions.Options;

namespace EnergyActors.Gateway.Ingestion;

/// <summary>
/// Turns one JSON object into a validated reading, checking every field against the contract and
/// naming each field that is wrong. Shared by the single, batch and NDJSON endpoints.
/// </summary>
public sealed class ReadingParser(TimeProvider timeProvider, IOptions<ApiLimitsOptions> options)
{
    public bool TryParseMeter(JsonElement item, List<FieldError> errors, out string meterId, out MeterReading reading)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        meterId = RequiredId(item, "meterId", errors);
        var kwh = Number(item, "kwhConsumedAc", 0, ReadingLimits.MaxEnergyKwh, errors);
        var voltage = Number(item, "voltage", 0, ReadingLimits.MaxVoltage, errors);
        var timestamp = Timestamp(item, "timestamp", errors);
        var vehicleId = OptionalId(item, "vehicleId", errors);
        reading = new MeterReading(timestamp, kwh, voltage, vehicleId);
        return errors.Count == before;
    }

    public bool TryParseVehicle(JsonElement item, List<FieldError> errors, out string vehicleId, out VehicleReading reading)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        vehicleId = RequiredId(item, "vehicleId", errors);
        var soc = Number(item, "soc", 0, 100, errors);
        var kwh = Number(item, "kwhDeliveredDc", 0, ReadingLimits.MaxEnergyKwh, errors);
        var temperature = Number(item, "batteryTemp", ReadingLimits.MinTemperatureC, ReadingLimits.MaxTemperatureC, errors);
        var timestamp = Timestamp(item, "timestamp", errors);
        reading = new VehicleReading(timestamp, soc, kwh, temperature);
        return errors.Count == before;
    }

    /// <summary>A real site's interval reading, in the status shape of <c>GET /v1/sites/{id}/status</c>.</summary>
    public bool TryParseSite(JsonElement item, List<FieldError> errors, out string siteId, out SiteReading reading)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        siteId = RequiredId(item, "siteId", errors);
        var timestamp = Timestamp(item, "timestamp", errors);
        var interval = item.TryGetProperty("intervalMinutes", out _) ? Number(item, "intervalMinutes", 1, 60, errors) : 5;
        var unserved = item.TryGetProperty("unservedKw", out _) ? Number(item, "unservedKw", 0, ReadingLimits.MaxPowerKw, errors) : 0;
        var battery = NestedObject(item, "battery", errors);
        var inverter = NestedObject(item, "inverter", errors);
        var weather = NestedObject(item, "weather", errors);
        var source = "site";
        if (weather is { } w && w.TryGetProperty("source", out var s) && s.ValueKind != JsonValueKind.Null
            && JsonText.Read(s, "weather.source", SourceLength, errors) is { } text)
        {
            source = text;
            if (text.Length is 0 or > 32)
            {
                errors.Add(new FieldError("weather.source", SourceLength));
            }
        }

        reading = new SiteReading(
            timestamp,
            interval,
            Number(item, "solarKw", 0, ReadingLimits.MaxPowerKw, errors),
            Number(item, "loadKw", 0, ReadingLimits.MaxPowerKw, errors),
            Number(item, "batteryKw", -ReadingLimits.MaxPowerKw, ReadingLimits.MaxPowerKw, errors),
            Number(item, "gridImportKw", 0, ReadingLimits.MaxPowerKw, errors),
            Number(item, "gridExportKw", 0, ReadingLimits.MaxPowerKw, errors),
            battery is { } b ? Number(b, "soc", 0, 100, errors, "battery.soc") : 0,
            battery is { } b1 ? Number(b1, "temperatureC", ReadingLimits.MinTemperatureC, ReadingLimits.MaxTemperatureC, errors, "battery.temperatureC") : 0,
            battery is { } b2 ? Number(b2, "voltage", 0, ReadingLimits.MaxVoltage, errors, "battery.voltage") : 0,
            battery is { } b3 ? Number(b3, "healthPercent", 0, 100, errors, "battery.healthPercent") : 0,
            battery is { } b4 ? Number(b4, "cycleCount", 0, 1_000_000, errors, "battery.cycleCount") : 0,
            inverter is { } i ? Number(i, "acKw", -ReadingLimits.MaxPowerKw, ReadingLimits.MaxPowerKw, errors, "inverter.acKw") : 0,
            inverter is { } i1 ? Number(i1, "dcKw", -ReadingLimits.MaxPowerKw, ReadingLimits.MaxPowerKw, errors, "inverter.dcKw") : 0,
            inverter is { } i2 ? Number(i2, "efficiency", 0, 1, errors, "inverter.efficiency") : 0,
            inverter is { } i3 ? Number(i3, "temperatureC", ReadingLimits.MinTemperatureC, ReadingLimits.MaxTemperatureC, errors, "inverter.temperatureC") : 0,
            weather is { } w1 ? Number(w1, "temperatureC", -90, 70, errors, "weather.temperatureC") : 0,
            weather is { } w2 ? Number(w2, "irradianceWm2", 0, 2_000, errors, "weather.irradianceWm2") : 0,
            weather is { } w3 ? Number(w3, "cloudCoverPercent", 0, 100, errors, "weather.cloudCoverPercent") : 0,
            source,
            unserved);
        return errors.Count == before;
    }

    private const string SourceLength = "'weather.source' must be a string of 1 to 32 characters.";

    private static JsonElement? NestedObject(JsonElement item, string field, List<FieldError> errors)
    {
        if (item.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        errors.Add(new FieldError(field, $"'{field}' must be an object."));
        return null;
    }

    internal static string RequiredId(JsonElement item, string field, List<FieldError> errors)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError(field, $"'{field}' is required."));
            return string.Empty;
        }

        return Id(value, field, errors);
    }

    private static string? OptionalId(JsonElement item, string field, List<FieldError> errors) =>
        !item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null : Id(value, field, errors);

    private static string Id(JsonElement value, string field, List<FieldError> errors)
    {
        if (!JsonText.TryGetString(value, out var id) || !DeviceId.IsValid(id))
        {
            errors.Add(new FieldError(field, $"'{field}' must be a string of 1 to {DeviceId.MaxLength} characters from [A-Za-z0-9._:-]."));
            return string.Empty;
        }

        return id;
    }

    /// <summary>A required finite number within [min, max]; <paramref name="field"/> is looked up in <paramref name="item"/>,
    /// errors are reported under <paramref name="path"/> (a nested field's dotted name) when given.</summary>
    internal static double Number(JsonElement item, string field, double min, double max, List<FieldError> errors, string? path = null)
    {
        var name = field;
        field = path ?? field;
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError(field, $"'{field}' is required."));
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new FieldError(field, $"'{field}' must be a number."));
            return 0;
        }

        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            errors.Add(new FieldError(field, $"'{field}' must be a finite number."));
            return 0;
        }

        if (number < min || number > max)
        {
            errors.Add(new FieldError(field, string.Create(CultureInfo.InvariantCulture, $"'{field}' must be between {min} and {max}.")));
        }

        // -0 passes every bound as 0; adding 0 makes it +0, so no "-0" is stored or echoed.
        return number + 0.0;
    }

    internal DateTimeOffset Timestamp(JsonElement item, string field, List<FieldError> errors)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError(field, $"'{field}' is required."));
            return default;
        }

        if (!JsonText.TryGetString(value, out var text))
        {
            errors.Add(new FieldError(field, TimestampField.MalformedMessage(field)));
            return default;
        }

        if (!TimestampField.TryParse(text, field, errors, out var timestamp))
        {
            return default;
        }

        var latest = timeProvider.GetUtcNow().AddSeconds(options.Value.MaxFutureSkewSeconds);
        if (timestamp > latest)
        {
            errors.Add(new FieldError(field, $"'{field}' is more than {options.Value.MaxFutureSkewSeconds} seconds ahead of server time."));
        }

        return timestamp;
    }
}
