namespace EnergyActors.Simulator.Shared;

/// <summary>A vehicle (battery side, DC) reading.</summary>
internal sealed record VehicleReading(string DeviceId, DateTimeOffset Timestamp, double Soc, double KwhDeliveredDc, double BatteryTemp)
    : Reading(DeviceId, Timestamp);
