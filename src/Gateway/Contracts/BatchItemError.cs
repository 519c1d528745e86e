namespace EnergyActors.Gateway.Contracts;

/// <summary>Why the batch item at <see cref="Index"/> (0-based) was rejected.</summary>
public sealed record BatchItemError(int Index, string Field, string Message);
