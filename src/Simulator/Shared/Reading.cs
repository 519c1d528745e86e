namespace EnergyActors.Simulator.Shared;

/// <summary>One generated reading; its (device, timestamp) is the key the gateway deduplicates on.</summary>
internal abstract record Reading(string DeviceId, DateTimeOffset Timestamp);
