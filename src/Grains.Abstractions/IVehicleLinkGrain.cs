namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// The meter (charger) linked to a vehicle; key = vehicle id. Kept apart from the vehicle grain so the
/// many vehicles that never get a link carry neither its storage read on activation nor its memory.
/// </summary>
[Alias("ea.IVehicleLinkGrain")]
public interface IVehicleLinkGrain : IGrainWithStringKey
{
    /// <summary>Links a meter to this vehicle, moving it from any other vehicle.</summary>
    [Alias("LinkMeter")]
    Task<MeterLink> LinkMeter(string meterId);

    /// <summary>Removes this vehicle's meter link; false when none was linked.</summary>
    [Alias("UnlinkMeter")]
    Task<bool> UnlinkMeter();

    [Alias("GetMeterLink")]
    Task<MeterLink?> GetMeterLink();

    /// <summary>
    /// Told that the meter now belongs to another vehicle. Interleaves, so two vehicles claiming the same
    /// meter at once cannot wait on each other.
    /// </summary>
    [Alias("ForgetMeter")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task ForgetMeter(string meterId);
}
