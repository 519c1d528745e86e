namespace EnergyActors.Grains;

/// <summary>Indexed look-ups into history that grains use to restore their hot state on activation.</summary>
public interface IHistoryReader
{
    /// <summary>The meter's newest reading and the fleet it belongs to (null: bound to none), under one snapshot.</summary>
    Task<MeterHistory> LoadMeter(string meterId, CancellationToken cancellationToken);

    /// <summary>
    /// The vehicle's newest reading, its window's readings from <paramref name="since"/> on, its active alerts and its fleet, under one snapshot.
    /// With <paramref name="catchUp"/>, only the window readings a stored window lacks: those committed after its snapshot, and those stamped at or after its end.
    /// </summary>
    Task<VehicleHistory> LoadVehicle(string vehicleId, DateTimeOffset since, CancellationToken cancellationToken, HistoryCatchUp? catchUp = null);
}
