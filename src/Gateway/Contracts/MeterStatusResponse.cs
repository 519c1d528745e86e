namespace EnergyActors.Gateway.Contracts;

/// <summary>The meter's reading with the newest timestamp.</summary>
public sealed record MeterStatusResponse(string MeterId, double KwhConsumedAc, double Voltage, DateTime Timestamp, string? VehicleId);
