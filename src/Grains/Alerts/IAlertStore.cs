using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains.Alerts;

/// <summary>Alerts in PostgreSQL: at most one active alert per device and kind; raising or clearing twice is harmless.</summary>
public interface IAlertStore
{
    Task Raise(string fleetId, string deviceId, string kind, string message, DateTimeOffset at);

    Task Clear(string deviceId, string kind, DateTimeOffset at);

    /// <summary>The fleet's alerts that match the query, newest first.</summary>
    Task<IReadOnlyList<Alert>> List(string fleetId, AlertQuery query);
}
