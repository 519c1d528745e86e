namespace EnergyActors.Gateway.Contracts;

/// <summary>One alert; <c>active</c> while not cleared.</summary>
public sealed record AlertResponse(long Id, string DeviceId, string Kind, string Message, DateTime RaisedAt, DateTime? ClearedAt, bool Active);
