namespace EnergyActors.Simulator.Fleet;

/// <summary>The part of <c>GET /v1/telemetry/vehicle/{id}/status</c> verification reads.</summary>
internal sealed record VehicleStatusAnswer(string VehicleId, DateTime Timestamp)
{
    /// <summary>The timestamp as an instant; one written without an offset is taken as UTC, the API's storage zone.</summary>
    public DateTimeOffset Instant => Timestamp.Kind switch
    {
        DateTimeKind.Utc => new DateTimeOffset(Timestamp),
        DateTimeKind.Local => new DateTimeOffset(Timestamp.ToUniversalTime()),
        _ => new DateTimeOffset(DateTime.SpecifyKind(Timestamp, DateTimeKind.Utc)),
    };
}
