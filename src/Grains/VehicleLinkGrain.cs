using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>
/// A vehicle's side of its meter link. The meter's side (its grain state) decides attribution; this side
/// lets the link be shown and removed from the vehicle, and moves a meter away from its previous vehicle.
/// </summary>
public sealed class VehicleLinkGrain(
    TimeProvider time,
    [PersistentState("link", GrainStorage.Name)] IPersistentState<VehicleLinkState> link) : Grain, IVehicleLinkGrain
{
    private string VehicleId => this.GetPrimaryKeyString();

    public async Task<MeterLink> LinkMeter(string meterId)
    {
        if (link.State.MeterId == meterId)
        {
            return new MeterLink(VehicleId, meterId, link.State.LinkedAt);
        }

        if (link.State.MeterId is { } current)
        {
            await GrainFactory.GetGrain<IMeterGrain>(current).Unlink(VehicleId);
        }

        var previousVehicle = await GrainFactory.GetGrain<IMeterGrain>(meterId).LinkTo(VehicleId);
        if (previousVehicle is not null && previousVehicle != VehicleId)
        {
            await GrainFactory.GetGrain<IVehicleLinkGrain>(previousVehicle).ForgetMeter(meterId);
        }

        link.State.MeterId = meterId;
        link.State.LinkedAt = time.GetUtcNow();
        await link.WriteStateAsync();
        return new MeterLink(VehicleId, meterId, link.State.LinkedAt);
    }

    public async Task<bool> UnlinkMeter()
    {
        if (link.State.MeterId is not { } meterId)
        {
            return false;
        }

        await GrainFactory.GetGrain<IMeterGrain>(meterId).Unlink(VehicleId);
        link.State.MeterId = null;
        await link.WriteStateAsync();
        return true;
    }

    public Task<MeterLink?> GetMeterLink() =>
        Task.FromResult(link.State.MeterId is { } meterId ? new MeterLink(VehicleId, meterId, link.State.LinkedAt) : null);

    public async Task ForgetMeter(string meterId)
    {
        if (link.State.MeterId == meterId)
        {
            link.State.MeterId = null;
            await link.WriteStateAsync();
        }
    }
}
