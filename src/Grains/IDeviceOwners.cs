namespace EnergyActors.Grains;

/// <summary>Which fleet each meter and vehicle belongs to, in PostgreSQL; a binding, once made, never changes.</summary>
public interface IDeviceOwners
{
    /// <summary>Binds the device to <paramref name="fleetId"/> unless it already belongs to a fleet; returns the fleet it belongs to.</summary>
    Task<string> Bind(DeviceKind kind, string deviceId, string fleetId);
}

/// <summary>The kinds of device whose fleet <see cref="IDeviceOwners"/> keeps (as written in its table).</summary>
public enum DeviceKind
{
    Meter,
    Vehicle,
}
