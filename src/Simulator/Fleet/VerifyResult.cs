namespace EnergyActors.Simulator.Fleet;

/// <summary>What <c>--verify</c> found for the sampled vehicles; it passes when no check has a mismatch.</summary>
internal sealed record VerifyResult(int SampledVehicles, IReadOnlyList<VerifyCheck> Checks)
{
    public bool Passed => Checks.All(c => c.Failed == 0);
}
