namespace EnergyActors.Grains.Abstractions;

/// <summary>One smart meter (a charger's grid side); the grain key is the meter id.</summary>
[Alias("ea.IMeterGrain")]
public interface IMeterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Attributes each reading (its own vehicleId, else the meter's linked vehicle), commits them to history,
    /// applies the new ones to the meter's hot state and forwards their energy to the attributed vehicles.
    /// </summary>
    /// <exception cref="BackPressureException">History cannot take the readings now; none was acknowledged.</exception>
    [Alias("Ingest")]
    Task<IngestResult> Ingest(IReadOnlyList<MeterReading> readings);

    [Alias("GetStatus")]
    Task<MeterStatus?> GetStatus();

    /// <summary>Links this meter to a vehicle and returns the vehicle it was linked to before, if another.</summary>
    [Alias("LinkTo")]
    Task<string?> LinkTo(string vehicleId);

    /// <summary>Unlinks this meter if it is still linked to <paramref name="vehicleId"/>.</summary>
    [Alias("Unlink")]
    Task Unlink(string vehicleId);
}
