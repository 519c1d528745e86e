namespace EnergyActors.Gateway.Contracts;

/// <summary>The vehicle's reading with the newest timestamp.</summary>
public sealed record VehicleStatusResponse(string VehicleId, double Soc, double KwhDeliveredDc, double BatteryTemp, DateTime Timestamp);
