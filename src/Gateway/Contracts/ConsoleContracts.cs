using System.Text.Json.Serialization;

namespace EnergyActors.Gateway.Contracts;

/// <summary>
/// One event of GET /v1/events; which fields it carries depends on its type: <c>vehicle</c> (vehicleIds, more),
/// <c>alert</c> (deviceId, kind, active), <c>site</c> (siteId, site), <c>snapshot</c> and <c>ping</c> (none).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record ConsoleEvent
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? VehicleIds { get; init; }

    /// <summary>More vehicles changed than vehicleIds names (it names at most 1,000).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? More { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DeviceId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Active { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SiteId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SiteStatusResponse? Site { get; init; }
}

/// <summary>GET /v1/caller: what the key in use may do (fleetId is null for an admin, who acts for every fleet).</summary>
public sealed record CallerResponse(string KeyId, string Role, string? FleetId);

/// <summary>One hour of a vehicle's last day: AC energy in (its meter's), DC energy out, mean battery temperature, last SOC.</summary>
public sealed record VehicleHourResponse(DateTime Hour, double AcKwh, double DcKwh, double? AvgBatteryTemp, double? LastSoc);

public sealed record VehicleHoursResponse(string VehicleId, IReadOnlyList<VehicleHourResponse> Hours);
