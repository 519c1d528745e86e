using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Mvc;

namespace EnergyActors.Gateway.Contracts;

/// <summary>The query of GET /v1/alerts: every wrong parameter is named.</summary>
public sealed class AlertListParameters
{
    public const int MaxLimit = 1_000;

    [Description("Only this device's (or site's) alerts.")]
    [FromQuery(Name = "deviceId")]
    [DeviceIdText]
    public string? DeviceId { get; init; }

    [Description("true: only alerts not cleared yet; false: only cleared ones; left out: both.")]
    [FromQuery(Name = "active")]
    [TrueOrFalse]
    public string? Active { get; init; }

    [Description("Only alerts in this state: active (raised, not acknowledged), acknowledged (not cleared) or cleared.")]
    [FromQuery(Name = "state")]
    [OneOf("active", "acknowledged", "cleared")]
    public string? State { get; init; }

    [Description("Only alerts of this severity: critical, major, minor or warning.")]
    [FromQuery(Name = "severity")]
    [OneOf("critical", "major", "minor", "warning")]
    public string? Severity { get; init; }

    [Description("At most this many alerts, 1 to 1000 (default 100).")]
    [FromQuery(Name = "limit")]
    [WholeNumber(1, MaxLimit)]
    public string? Limit { get; init; }

    public bool? ActiveOnly => TrueOrFalseAttribute.Parse(Active);

    public int Take => Limit is null ? 100 : int.Parse(Limit, CultureInfo.InvariantCulture);
}

/// <summary>Alerts, newest first.</summary>
public sealed record AlertListResponse(IReadOnlyList<AlertResponse> Alerts);

/// <summary>
/// One alert; <c>active</c> while not cleared. <c>state</c> is active (raised, not acknowledged), acknowledged or
/// cleared; an acknowledgement says who, when and why.
/// </summary>
public sealed record AlertResponse(
    long Id,
    string DeviceId,
    string Kind,
    string Message,
    DateTime RaisedAt,
    DateTime? ClearedAt,
    bool Active,
    string Severity,
    string State,
    DateTime? AcknowledgedAt,
    string? AcknowledgedBy,
    string? Note)
{
    public static AlertResponse From(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(
            alert.Id,
            alert.DeviceId,
            alert.Kind,
            alert.Message,
            alert.RaisedAt.UtcDateTime,
            alert.ClearedAt?.UtcDateTime,
            alert.ClearedAt is null,
            alert.Severity,
            alert.State,
            alert.AcknowledgedAt?.UtcDateTime,
            alert.AcknowledgedBy,
            alert.AckNote);
    }
}

/// <summary>The body of POST /v1/alerts/{alertId}/ack: who is on it (the key's id when left out) and a note.</summary>
public sealed record AlertAckRequest(string? By, string? Note) : IBodyContract<AlertAckRequest>
{
    private const int MaxBy = 200;
    private const int MaxNote = 2_000;

    static string IBodyContract<AlertAckRequest>.Example => """{"by": "dispatch: J. Rivera", "note": "Charger 7 booked for inspection"}""";

    static AlertAckRequest? IBodyContract<AlertAckRequest>.Read(JsonElement body, List<FieldError> errors, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var by = OptionalText(body, "by", MaxBy, errors);
        var note = OptionalText(body, "note", MaxNote, errors);
        return errors.Count == 0 ? new AlertAckRequest(by, note) : null;
    }

    private static string? OptionalText(JsonElement body, string name, int max, List<FieldError> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text || text.Length > max || !TextRules.IsClean(text))
        {
            errors.Add(new FieldError(name, $"'{name}' must be 1 to {max} characters without control characters."));
            return null;
        }

        return text;
    }
}
