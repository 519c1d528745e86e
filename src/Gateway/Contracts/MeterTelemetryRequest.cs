namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of POST /v1/telemetry/meter, as documented in OpenAPI (the parser validates the raw JSON).</summary>
public sealed record MeterTelemetryRequest(string MeterId, double KwhConsumedAc, double Voltage, DateTimeOffset Timestamp, string? VehicleId);
