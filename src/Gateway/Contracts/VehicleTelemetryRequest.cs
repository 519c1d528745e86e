namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of POST /v1/telemetry/vehicle, as documented in OpenAPI (the parser validates the raw JSON).</summary>
public sealed record VehicleTelemetryRequest(string VehicleId, double Soc, double KwhDeliveredDc, double BatteryTemp, DateTimeOffset Timestamp);
