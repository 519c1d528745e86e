namespace EnergyActors.Grains;

/// <summary>
/// Where a stored window stands in commit order: it holds exactly the rows visible to <paramref name="After"/> stamped before
/// <paramref name="HeldUntil"/>. Rows committed later, and rows stamped later (refused then as too far ahead), are what it lacks.
/// </summary>
public sealed record HistoryCatchUp(TransactionSnapshot After, DateTimeOffset HeldUntil);
