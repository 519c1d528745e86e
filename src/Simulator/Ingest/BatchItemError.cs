namespace EnergyActors.Simulator.Ingest;

/// <summary>Why the gateway rejected the batch item at <see cref="Index"/>.</summary>
internal sealed record BatchItemError(int Index, string Field, string Message);
