using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains.Alerts;

/// <summary>Alerts in PostgreSQL: at most one active alert per device and kind; raising or clearing twice is harmless.</summary>
public interface IAlertStore
{
    Task Raise(string deviceId, string kind, string message, DateTimeOffset at);

    Task Clear(string deviceId, string kind, DateTimeOffset at);

    Task<IReadOnlyList<Alert>> List(AlertQuery query);
}
