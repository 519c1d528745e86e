using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Grains;

/// <summary>
/// The silo's group-commit path into PostgreSQL history. Each call completes once its rows are
/// committed, telling per row whether it was newly stored or already there.
/// </summary>
/// <remarks>Implementations throw <see cref="BackPressureException"/> when the rows cannot be made durable now.</remarks>
public interface IHistoryWriter
{
    Task<HistoryCommit> AppendMeterReadings(string meterId, IReadOnlyList<MeterReading> readings);

    Task<HistoryCommit> AppendVehicleReadings(string vehicleId, IReadOnlyList<VehicleReading> readings);

    Task<HistoryCommit> AppendSiteReadings(string siteId, IReadOnlyList<SiteReading> readings);
}
