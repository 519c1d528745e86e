namespace EnergyActors.Simulator.Ingest;

/// <summary>A smart-meter (grid side, AC) reading.</summary>
internal sealed record MeterReading(string DeviceId, DateTimeOffset Timestamp, double KwhConsumedAc, double Voltage)
    : Reading(DeviceId, Timestamp);
