namespace EnergyActors.Gateway.Contracts;

/// <summary>One element of POST /v1/telemetry/batch: <c>type</c> beside the fields of that reading type.</summary>
public sealed record BatchTelemetryItem(
    string Type,
    string? MeterId,
    double? KwhConsumedAc,
    double? Voltage,
    string? VehicleId,
    double? Soc,
    double? KwhDeliveredDc,
    double? BatteryTemp,
    DateTimeOffset Timestamp);
