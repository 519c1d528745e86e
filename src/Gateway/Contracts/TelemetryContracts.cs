using System.ComponentModel;
using System.Text.Json.Serialization;

namespace EnergyActors.Gateway.Contracts;

// The request types here document the bodies in OpenAPI; ReadingParser reads the raw JSON, naming each wrong field.

/// <summary>
/// One reading of a batch (POST /v1/telemetry/batch): <c>type</c> beside the fields of that reading type. Each item is
/// judged on its own: the valid ones are taken, each invalid one is named by its index.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MeterTelemetryRequest), "meter")]
[JsonDerivedType(typeof(VehicleTelemetryRequest), "vehicle")]
[JsonDerivedType(typeof(SiteTelemetryRequest), "site")]
public abstract record TelemetryReading
{
    /// <summary>RFC 3339 with an offset, at most 5 minutes ahead of the server's clock; any age is accepted.</summary>
    [JsonRequired]
    public DateTimeOffset Timestamp { get; init; }
}

/// <summary>A smart meter's reading (grid side, AC): the body of POST /v1/telemetry/meter.</summary>
public sealed record MeterTelemetryRequest : TelemetryReading
{
    /// <summary>1 to 64 characters of [A-Za-z0-9._:-].</summary>
    [JsonRequired]
    public string MeterId { get; init; } = string.Empty;

    /// <summary>Energy drawn in this reading's interval, kWh, 0 to 100,000.</summary>
    [JsonRequired]
    public double KwhConsumedAc { get; init; }

    /// <summary>Volts, 0 to 2000.</summary>
    [JsonRequired]
    public double Voltage { get; init; }

    /// <summary>The vehicle charging from this meter at the time; left out, the meter's linked vehicle (if any) is credited.</summary>
    public string? VehicleId { get; init; }
}

/// <summary>A vehicle's reading (battery side, DC): the body of POST /v1/telemetry/vehicle.</summary>
public sealed record VehicleTelemetryRequest : TelemetryReading
{
    /// <summary>1 to 64 characters of [A-Za-z0-9._:-].</summary>
    [JsonRequired]
    public string VehicleId { get; init; } = string.Empty;

    /// <summary>State of charge, %, 0 to 100.</summary>
    [JsonRequired]
    public double Soc { get; init; }

    /// <summary>Energy delivered to the battery in this reading's interval, kWh, 0 to 100,000.</summary>
    [JsonRequired]
    public double KwhDeliveredDc { get; init; }

    /// <summary>°C, −50 to 150.</summary>
    [JsonRequired]
    public double BatteryTemp { get; init; }
}

/// <summary>
/// A real BMS site's interval, in the status shape of GET /v1/sites/{siteId}/status: the body of POST /v1/telemetry/site.
/// Power figures are kW, −1,000,000 to 1,000,000 where a direction is meant (batteryKw: + charging), else from 0.
/// </summary>
public sealed record SiteTelemetryRequest : TelemetryReading
{
    /// <summary>1 to 64 characters of [A-Za-z0-9._:-]: a site registered with <c>simulate: false</c>.</summary>
    [JsonRequired]
    public string SiteId { get; init; } = string.Empty;

    /// <summary>The interval's length in minutes, 1 to 60; <c>timestamp</c> is its end.</summary>
    [DefaultValue(5.0)]
    public double? IntervalMinutes { get; init; }

    [JsonRequired]
    public double SolarKw { get; init; }

    [JsonRequired]
    public double LoadKw { get; init; }

    /// <summary>+ charging, − discharging.</summary>
    [JsonRequired]
    public double BatteryKw { get; init; }

    [JsonRequired]
    public double GridImportKw { get; init; }

    [JsonRequired]
    public double GridExportKw { get; init; }

    /// <summary>Load the site could not serve (in a grid outage).</summary>
    [DefaultValue(0.0)]
    public double? UnservedKw { get; init; }

    [JsonRequired]
    public SiteBatteryBody Battery { get; init; } = null!;

    [JsonRequired]
    public SiteInverterBody Inverter { get; init; } = null!;

    [JsonRequired]
    public SiteWeatherReading Weather { get; init; } = null!;
}

/// <summary>The weather a real site measured; <c>source</c> names where it came from.</summary>
public sealed record SiteWeatherReading(
    [property: JsonRequired] double TemperatureC,
    [property: JsonRequired] double IrradianceWm2,
    [property: JsonRequired] double CloudCoverPercent)
{
    /// <summary>1 to 32 characters.</summary>
    [DefaultValue("site")]
    public string? Source { get; init; }
}

/// <summary>A 200 to a single reading: it is committed to history, either now or before (a duplicate).</summary>
public sealed record IngestResponse(int Accepted, int Duplicates);

/// <summary>A 200 to a batch: every valid item committed (accepted or duplicate); each invalid item named by index.</summary>
public sealed record BatchIngestResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<BatchItemError> Errors);

/// <summary>Why the batch item at <see cref="Index"/> (0-based) was rejected.</summary>
public sealed record BatchItemError(int Index, string Field, string Message);
