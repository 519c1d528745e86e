namespace EnergyActors.Gateway.Contracts;

/// <summary>The meter's reading with the newest timestamp.</summary>
public sealed record MeterStatusResponse(string MeterId, double KwhConsumedAc, double Voltage, DateTime Timestamp, string? VehicleId);

/// <summary>The vehicle's reading with the newest timestamp.</summary>
public sealed record VehicleStatusResponse(string VehicleId, double Soc, double KwhDeliveredDc, double BatteryTemp, DateTime Timestamp);
