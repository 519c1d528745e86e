using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;
using Microsoft.AspNetCore.Mvc;

namespace EnergyActors.Gateway.Contracts;

/// <summary>A site interval in the contract's status shape (also a raw history row).</summary>
public sealed record SiteStatusResponse(
    string SiteId,
    DateTime Timestamp,
    double IntervalMinutes,
    double SolarKw,
    double LoadKw,
    double BatteryKw,
    double GridImportKw,
    double GridExportKw,
    double UnservedKw,
    SiteBatteryBody Battery,
    SiteInverterBody Inverter,
    SiteWeatherBody Weather)
{
    public static SiteStatusResponse From(string siteId, SiteReading r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new SiteStatusResponse(
            siteId, r.Timestamp.UtcDateTime, r.IntervalMinutes, r.SolarKw, r.LoadKw, r.BatteryKw, r.GridImportKw, r.GridExportKw, r.UnservedKw,
            new SiteBatteryBody(r.Soc, r.BatteryTemperatureC, r.BatteryVoltage, r.BatteryHealthPercent, r.CycleCount),
            new SiteInverterBody(r.InverterAcKw, r.InverterDcKw, r.InverterEfficiency, r.InverterTemperatureC),
            new SiteWeatherBody(r.WeatherTemperatureC, r.IrradianceWm2, r.CloudCoverPercent, r.WeatherSource));
    }
}

public sealed record SiteBatteryBody(double Soc, double TemperatureC, double Voltage, double HealthPercent, double CycleCount);

public sealed record SiteInverterBody(double AcKw, double DcKw, double Efficiency, double TemperatureC);

public sealed record SiteWeatherBody(double TemperatureC, double IrradianceWm2, double CloudCoverPercent, string Source);

/// <summary>A rollup row: kW as time-weighted means over the bucket's rows, their energies, SOC range and count.</summary>
public sealed record SiteRollupResponse(
    DateTime Timestamp,
    double SolarKw,
    double LoadKw,
    double BatteryKw,
    double GridImportKw,
    double GridExportKw,
    double SolarKwh,
    double LoadKwh,
    double GridImportKwh,
    double GridExportKwh,
    double BatteryChargeKwh,
    double BatteryDischargeKwh,
    double SocMin,
    double SocMax,
    int Count)
{
    public static SiteRollupResponse From(SiteRollup r)
    {
        ArgumentNullException.ThrowIfNull(r);
        double Mean(double kwh) => r.Hours > 0 ? kwh / r.Hours : 0;
        return new SiteRollupResponse(
            r.Start.UtcDateTime, Mean(r.SolarKwh), Mean(r.LoadKwh), Mean(r.BatteryChargeKwh - r.BatteryDischargeKwh), Mean(r.GridImportKwh),
            Mean(r.GridExportKwh), r.SolarKwh, r.LoadKwh, r.GridImportKwh, r.GridExportKwh, r.BatteryChargeKwh, r.BatteryDischargeKwh, r.SocMin,
            r.SocMax, r.Count);
    }
}

/// <summary>The query of GET /v1/sites/{siteId}/history: the period, the resolution and how many rows.</summary>
public sealed class SiteHistoryParameters : IIdFirstQuery
{
    public const int MaxRows = 10_000;

    [FromRoute(Name = "siteId")]
    public string SiteId { get; init; } = string.Empty;

    // Declared before From: when both are wrong, the answer names 'to' first, as it always has.

    [Description("The end of the period; default now.")]
    [FromQuery(Name = "to")]
    [Rfc3339]
    public string? To { get; init; }

    [Description("The start of the period; default 24 hours before to.")]
    [FromQuery(Name = "from")]
    [Rfc3339]
    [Before(nameof(To))]
    public string? From { get; init; }

    [Description("raw (the intervals as simulated or received) or rollups of 15m, 1h or 1d; default raw.")]
    [FromQuery(Name = "resolution")]
    [OneOf("raw", "15m", "1h", "1d")]
    public string? Resolution { get; init; }

    [Description("At most this many rows, oldest first, 1 to 10000 (default 10000).")]
    [FromQuery(Name = "limit")]
    [WholeNumber(1, MaxRows)]
    public string? Limit { get; init; }

    string? IIdFirstQuery.FirstInvalidId => DeviceId.IsValid(SiteId) ? null : "siteId";

    /// <summary>The query for the site's history grain, its defaults filled in.</summary>
    public SiteHistoryQuery ToQuery(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var end = To is null ? time.GetUtcNow() : Timestamp(To, "to");
        var start = From is null ? end.AddDays(-1) : Timestamp(From, "from");
        return new(SiteId, start, end, Resolution ?? "raw", Limit is null ? MaxRows : int.Parse(Limit, CultureInfo.InvariantCulture));
    }

    private static DateTimeOffset Timestamp(string text, string field) =>
        TimestampField.Problem(text, field, out var value) is null ? value : throw new InvalidOperationException($"'{field}' was not validated.");
}

/// <summary>The body of POST /v1/sites/{siteId}/replay: the past period to simulate, at most 366 days.</summary>
public sealed record SiteReplayRequest : IBodyContract<SiteReplayRequest>
{
    private static readonly TimeSpan MaxReplaySpan = TimeSpan.FromDays(366);

    /// <summary>The start of the period (RFC 3339 with an offset).</summary>
    [JsonRequired]
    public DateTimeOffset From { get; init; }

    /// <summary>The end of the period, not in the future.</summary>
    [JsonRequired]
    public DateTimeOffset To { get; init; }

    static string IBodyContract<SiteReplayRequest>.Example => "{\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-01-08T00:00:00Z\"}";

    /// <summary>Both ends RFC 3339, the end not in the future, at most <see cref="MaxReplaySpan"/> after the start.</summary>
    static SiteReplayRequest? IBodyContract<SiteReplayRequest>.Read(JsonElement body, List<FieldError> errors, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var start = Timestamp(body, "from", errors);
        var end = Timestamp(body, "to", errors);
        if (errors.Count == before)
        {
            if (end > services.GetRequiredService<TimeProvider>().GetUtcNow())
            {
                errors.Add(new FieldError("to", "'to' must not be in the future: replay simulates the past."));
            }

            if (start >= end || end - start > MaxReplaySpan)
            {
                errors.Add(new FieldError("from", "'from' must be before 'to', at most 366 days earlier."));
            }
        }

        return errors.Count == before ? new SiteReplayRequest { From = start, To = end } : null;
    }

    private static DateTimeOffset Timestamp(JsonElement body, string field, List<FieldError> errors)
    {
        if (!body.TryGetProperty(field, out var value) || !JsonText.TryGetString(value, out var text))
        {
            errors.Add(new FieldError(field, TimestampField.MalformedMessage(field)));
            return default;
        }

        return TimestampField.TryParse(text, field, errors, out var parsed) ? parsed : default;
    }
}

/// <summary>A replay's progress.</summary>
public sealed record SiteReplayResponse(string SiteId, DateTime From, DateTime To, int IntervalsDone, int IntervalsTotal, string State, string? Error)
{
    public static SiteReplayResponse Of(string siteId, SiteReplay r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new SiteReplayResponse(siteId, r.From.UtcDateTime, r.To.UtcDateTime, r.IntervalsDone, r.IntervalsTotal, r.State, r.Error);
    }
}
