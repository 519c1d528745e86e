namespace EnergyActors.Grains.Abstractions;

/// <summary>One electric vehicle; the grain key is the vehicle id.</summary>
[Alias("ea.IVehicleGrain")]
public interface IVehicleGrain : IGrainWithStringKey
{
    /// <summary>Commits the readings to history, then applies the new ones to the vehicle's hot state.</summary>
    /// <exception cref="BackPressureException">History cannot take the readings now; none was acknowledged.</exception>
    [Alias("Ingest")]
    Task<IngestResult> Ingest(IReadOnlyList<VehicleReading> readings);

    [Alias("GetStatus")]
    Task<VehicleStatus?> GetStatus();
}
