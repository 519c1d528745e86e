namespace EnergyActors.Gateway.Contracts;

/// <summary>A 200 to a single reading: it is committed to history, either now or before (a duplicate).</summary>
public sealed record IngestResponse(int Accepted, int Duplicates);
