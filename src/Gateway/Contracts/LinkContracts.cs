namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of PUT /v1/vehicles/{vehicleId}/meter.</summary>
public sealed record MeterLinkRequest(string MeterId);

/// <summary>A vehicle's meter link.</summary>
public sealed record MeterLinkResponse(string VehicleId, string MeterId, DateTime LinkedAt);
