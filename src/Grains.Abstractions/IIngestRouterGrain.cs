namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// Takes a batch in one message and calls each device's grain once with all of its readings, from inside
/// the cluster. A stateless worker, so it runs next to whichever silo received the message.
/// </summary>
[Alias("ea.IIngestRouterGrain")]
public interface IIngestRouterGrain : IGrainWithIntegerKey
{
    /// <exception cref="BackPressureException">Some device could not take its readings now; nothing is acknowledged.</exception>
    [Alias("Ingest")]
    Task<IngestResult> Ingest(ReadingBatch batch);
}
