namespace EnergyActors.Gateway.Contracts;

/// <summary>Alerts, newest first.</summary>
public sealed record AlertListResponse(IReadOnlyList<AlertResponse> Alerts);

/// <summary>One alert; <c>active</c> while not cleared.</summary>
public sealed record AlertResponse(long Id, string DeviceId, string Kind, string Message, DateTime RaisedAt, DateTime? ClearedAt, bool Active);
