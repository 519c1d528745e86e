using System.Globalization;
using System.Text.Json;
using EnergyActors.Grains.Abstractions;
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
        var kwh = Number(item, "kwhConsumedAc", 0, double.MaxValue, errors);
        var voltage = Number(item, "voltage", 0, 2000, errors);
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
        var kwh = Number(item, "kwhDeliveredDc", 0, double.MaxValue, errors);
        var temperature = Number(item, "batteryTemp", -50, 150, errors);
        var timestamp = Timestamp(item, "timestamp", errors);
        reading = new VehicleReading(timestamp, soc, kwh, temperature);
        return errors.Count == before;
    }

    private static string RequiredId(JsonElement item, string field, List<FieldError> errors)
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
        var id = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (!DeviceId.IsValid(id))
        {
            errors.Add(new FieldError(field, $"'{field}' must be a string of 1 to {DeviceId.MaxLength} characters from [A-Za-z0-9._:-]."));
            return string.Empty;
        }

        return id!;
    }

    private static double Number(JsonElement item, string field, double min, double max, List<FieldError> errors)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
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
            var range = max == double.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"at least {min}")
                : string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}");
            errors.Add(new FieldError(field, $"'{field}' must be {range}."));
        }

        return number;
    }

    private DateTimeOffset Timestamp(JsonElement item, string field, List<FieldError> errors)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError(field, $"'{field}' is required."));
            return default;
        }

        if (value.ValueKind != JsonValueKind.String || !Rfc3339.TryParse(value.GetString(), out var timestamp))
        {
            errors.Add(new FieldError(field, $"'{field}' must be an RFC 3339 date-time with an offset ('Z' or '±hh:mm'), e.g. 2026-01-31T14:00:00Z."));
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
