namespace EnergyActors.Simulator.Fleet;

/// <summary>One sampled vehicle's three checks; a null reason is a pass.</summary>
internal sealed record VehicleVerdict(string VehicleId, string? Status, string? Ac, string? Dc)
{
    public bool Passed => Status is null && Ac is null && Dc is null;
}
