namespace EnergyActors.Simulator.Fleet;

/// <summary>One kind of check over the sampled vehicles: how many agreed, how many did not, and the first mismatches.</summary>
internal sealed record VerifyCheck(string Name, int Passed, int Failed, IReadOnlyList<string> Mismatches);
