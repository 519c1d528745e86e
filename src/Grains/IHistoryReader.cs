namespace EnergyActors.Grains;

/// <summary>Indexed look-ups into history that grains use to restore their hot state on activation.</summary>
public interface IHistoryReader
{
    /// <summary>The meter's newest reading and the fleet it belongs to (null: bound to none), under one snapshot.</summary>
    Task<MeterHistory> LoadMeter(string meterId, CancellationToken cancellationToken);

    /// <summary>The vehicle's newest reading, every reading of its window from <paramref name="since"/> on and its active alerts and its fleet, under one snapshot.</summary>
    Task<VehicleHistory> LoadVehicle(string vehicleId, DateTimeOffset since, CancellationToken cancellationToken);
}
