using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Access;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyActors.Grains;

/// <summary>The vehicle's last day by the hour, read from history when a chart asks (the window holds no SOC).</summary>
public sealed partial class VehicleGrain
{
    public async Task<IReadOnlyList<VehicleHour>?> GetHours()
    {
        if (!_seen || !FleetAccess.MayRead(_fleet))
        {
            return null;
        }

        // Resolved per call rather than held: a field more in every vehicle grain for a call few of them get.
        var reader = ServiceProvider.GetRequiredService<IVehicleHourReader>();
        var end = time.GetUtcNow();
        return await reader.Hours(VehicleId, end - WindowLength, end, CancellationToken.None);
    }
}
