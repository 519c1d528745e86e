namespace EnergyActors.Gateway.Contracts;

/// <summary>A vehicle's meter link.</summary>
public sealed record MeterLinkResponse(string VehicleId, string MeterId, DateTime LinkedAt);
