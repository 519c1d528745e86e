namespace EnergyActors.Simulator.Ingest;

/// <summary>How readings are posted: one per request, or many per <c>/v1/telemetry/batch</c> request.</summary>
internal enum IngestMode
{
    Single,
    Batch,
}
