using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>Indexed look-ups into history that grains use to restore their hot state on activation.</summary>
public interface IHistoryReader
{
    Task<MeterReading?> LatestMeterReading(string meterId, CancellationToken cancellationToken);

    /// <summary>The vehicle's newest reading, every reading of its window from <paramref name="since"/> on and its active alerts, under one snapshot.</summary>
    Task<VehicleHistory> LoadVehicle(string vehicleId, DateTimeOffset since, CancellationToken cancellationToken);
}
