using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>A vehicle's history summed by the hour, for charts: never on the ingestion or activation path.</summary>
public interface IVehicleHourReader
{
    /// <summary>The hours in [<paramref name="since"/>, <paramref name="until"/>) with any reading of the vehicle or attributed to it, oldest first.</summary>
    Task<IReadOnlyList<VehicleHour>> Hours(string vehicleId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
