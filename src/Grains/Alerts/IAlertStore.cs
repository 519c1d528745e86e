using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains.Alerts;

/// <summary>
/// Alerts in PostgreSQL: at most one active alert per device and kind; raising or clearing twice is harmless. Each
/// change queues its webhook deliveries in the same statement, so none is lost or queued twice.
/// </summary>
public interface IAlertStore
{
    Task Raise(string fleetId, string deviceId, string kind, string severity, string message, DateTimeOffset at);

    Task Clear(string deviceId, string kind, DateTimeOffset at);

    /// <summary>The fleet's alerts that match the query, newest first.</summary>
    Task<IReadOnlyList<Alert>> List(string fleetId, AlertQuery query);

    /// <summary>Acknowledges the fleet's alert once (a second acknowledgement changes nothing); null when the fleet has no such alert.</summary>
    Task<Alert?> Acknowledge(string fleetId, AlertAck ack, DateTimeOffset at);
}
