namespace EnergyActors.Simulator.Shared;

/// <summary>One request's body, kept as bytes so a 503 retry resends exactly the same readings.</summary>
internal sealed record Payload(Uri Path, ReadOnlyMemory<byte> Body, int Readings);
