namespace EnergyActors.Simulator.Shared;

/// <summary>
/// A smart-meter (grid side, AC) reading. <see cref="VehicleId"/> names the vehicle charging from the
/// meter in that interval, so the gateway attributes the energy to it without a stored link.
/// </summary>
internal sealed record MeterReading(string DeviceId, DateTimeOffset Timestamp, double KwhConsumedAc, double Voltage, string? VehicleId = null)
    : Reading(DeviceId, Timestamp);
