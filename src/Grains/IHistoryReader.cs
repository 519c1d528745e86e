using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>Indexed look-ups into history that grains use to restore their hot state on activation.</summary>
public interface IHistoryReader
{
    Task<MeterReading?> LatestMeterReading(string meterId, CancellationToken cancellationToken);

    Task<VehicleReading?> LatestVehicleReading(string vehicleId, CancellationToken cancellationToken);
}
