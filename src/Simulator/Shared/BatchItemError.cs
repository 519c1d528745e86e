namespace EnergyActors.Simulator.Shared;

/// <summary>Why the gateway rejected the batch item at <see cref="Index"/>.</summary>
internal sealed record BatchItemError(int Index, string Field, string Message);
