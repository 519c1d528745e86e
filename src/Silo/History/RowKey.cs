namespace EnergyActors.Silo.History;

/// <summary>A history row's identity: the device and the instant (UTC ticks at microsecond precision).</summary>
internal readonly record struct RowKey(string DeviceId, long UtcTicks);
