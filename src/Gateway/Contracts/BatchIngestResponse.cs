namespace EnergyActors.Gateway.Contracts;

/// <summary>A 200 to a batch: every valid item committed (accepted or duplicate); each invalid item named by index.</summary>
public sealed record BatchIngestResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<BatchItemError> Errors);
