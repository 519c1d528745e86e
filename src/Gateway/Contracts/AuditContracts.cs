using System.ComponentModel;
using System.Globalization;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions.Access;
using Microsoft.AspNetCore.Mvc;

namespace EnergyActors.Gateway.Contracts;

/// <summary>The query of GET /v1/admin/audit: every wrong parameter is named.</summary>
public sealed class AuditListParameters
{
    public const int MaxLimit = 1_000;

    [Description("Only changes concerning this fleet (* for those an admin made for every fleet).")]
    [FromQuery(Name = "fleetId")]
    public string? FleetId { get; init; }

    [Description("Only entries older than this entry id (the last id of the previous page).")]
    [FromQuery(Name = "before")]
    [WholeNumber(1, int.MaxValue)]
    public string? Before { get; init; }

    [Description("At most this many entries, 1 to 1000 (default 100).")]
    [FromQuery(Name = "limit")]
    [WholeNumber(1, MaxLimit)]
    public string? Limit { get; init; }

    public AuditQuery ToQuery() => new(
        FleetId,
        Before is null ? null : long.Parse(Before, CultureInfo.InvariantCulture),
        Limit is null ? 100 : int.Parse(Limit, CultureInfo.InvariantCulture));
}

/// <summary>One recorded change: which key asked, for which fleet (<c>*</c>: an admin for every fleet), what, and how it was answered.</summary>
public sealed record AuditEntryResponse(long Id, DateTime At, string KeyId, string? FleetId, string Action, string Target, int Status)
{
    public static AuditEntryResponse From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.At.UtcDateTime, entry.KeyId, entry.FleetId, entry.Action, entry.Target, entry.Status);
    }
}

/// <summary>Audit entries, newest first; pass the last one's id as <c>before</c> for the next page.</summary>
public sealed record AuditListResponse(IReadOnlyList<AuditEntryResponse> Entries);
