namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of POST /v1/telemetry/meter, as documented in OpenAPI (the parser validates the raw JSON).</summary>
public sealed record MeterTelemetryRequest(string MeterId, double KwhConsumedAc, double Voltage, DateTimeOffset Timestamp, string? VehicleId);

/// <summary>The body of POST /v1/telemetry/vehicle, as documented in OpenAPI (the parser validates the raw JSON).</summary>
public sealed record VehicleTelemetryRequest(string VehicleId, double Soc, double KwhDeliveredDc, double BatteryTemp, DateTimeOffset Timestamp);

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

/// <summary>A 200 to a single reading: it is committed to history, either now or before (a duplicate).</summary>
public sealed record IngestResponse(int Accepted, int Duplicates);

/// <summary>A 200 to a batch: every valid item committed (accepted or duplicate); each invalid item named by index.</summary>
public sealed record BatchIngestResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<BatchItemError> Errors);

/// <summary>Why the batch item at <see cref="Index"/> (0-based) was rejected.</summary>
public sealed record BatchItemError(int Index, string Field, string Message);
