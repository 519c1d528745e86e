namespace EnergyActors.Simulator.Shared;

/// <summary>The gateway's 200 body: single readings carry only the first two figures, batches all of them.</summary>
internal sealed record IngestResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<BatchItemError>? Errors);
