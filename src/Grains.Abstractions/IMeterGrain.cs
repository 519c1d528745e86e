namespace EnergyActors.Grains.Abstractions;

/// <summary>One smart meter (a charger's grid side); the grain key is the meter id.</summary>
[Alias("ea.IMeterGrain")]
public interface IMeterGrain : IGrainWithStringKey
{
    /// <summary>Commits the readings to history, then applies the new ones to the meter's hot state.</summary>
    /// <exception cref="BackPressureException">History cannot take the readings now; none was acknowledged.</exception>
    [Alias("Ingest")]
    Task<IngestResult> Ingest(IReadOnlyList<MeterReading> readings);

    [Alias("GetStatus")]
    Task<MeterStatus?> GetStatus();
}
