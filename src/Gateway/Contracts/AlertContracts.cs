using System.ComponentModel;
using System.Globalization;
using EnergyActors.Gateway.Requests;
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

    [Description("At most this many alerts, 1 to 1000 (default 100).")]
    [FromQuery(Name = "limit")]
    [WholeNumber(1, MaxLimit)]
    public string? Limit { get; init; }

    public bool? ActiveOnly => TrueOrFalseAttribute.Parse(Active);

    public int Take => Limit is null ? 100 : int.Parse(Limit, CultureInfo.InvariantCulture);
}

/// <summary>Alerts, newest first.</summary>
public sealed record AlertListResponse(IReadOnlyList<AlertResponse> Alerts);

/// <summary>One alert; <c>active</c> while not cleared.</summary>
public sealed record AlertResponse(long Id, string DeviceId, string Kind, string Message, DateTime RaisedAt, DateTime? ClearedAt, bool Active);
