namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// A threshold crossing raised by a grain under its fleet's rule and stored in PostgreSQL; active until
/// <see cref="ClearedAt"/> is set, acknowledged once someone said they are on it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ea.Alert")]
public sealed record Alert(
    [property: Id(0)] long Id,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Message,
    [property: Id(4)] DateTimeOffset RaisedAt,
    [property: Id(5)] DateTimeOffset? ClearedAt,
    [property: Id(6)] string Severity = "critical",
    [property: Id(7)] DateTimeOffset? AcknowledgedAt = null,
    [property: Id(8)] string? AcknowledgedBy = null,
    [property: Id(9)] string? AckNote = null)
{
    /// <summary>cleared, else acknowledged, else active.</summary>
    public string State => ClearedAt is not null ? "cleared" : AcknowledgedAt is not null ? "acknowledged" : "active";
}

/// <summary>Who acknowledges an alert and why.</summary>
[GenerateSerializer, Immutable, Alias("ea.AlertAck")]
public sealed record AlertAck(
    [property: Id(0)] long AlertId,
    [property: Id(1)] string By,
    [property: Id(2)] string? Note);
