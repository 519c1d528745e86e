using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Access;

namespace EnergyActors.Grains.Sites;

/// <summary>
/// The fleet a site belongs to: bound when it is created (or receives its first real reading) and kept after it is
/// deleted, with its history. A site with data but no fleet was made before fleets existed: it is the legacy fleet's.
/// </summary>
public sealed partial class SiteGrain
{
    public Task<bool> IsReadable() => Task.FromResult(Readable);

    private string? Owner => FleetAccess.Restored(State.Fleet, State.Config is not null || State.Latest is not null);

    private bool Readable => FleetAccess.MayRead(Owner);

    private ISiteRegistryGrain Registry => ISiteRegistryGrain.Index.ShardFor(GrainFactory, Owner ?? FleetAccess.LegacyFleet, SiteId);

    private void DemandWrite() => FleetAccess.DemandWrite(Owner, $"Site '{SiteId}'");

    /// <summary>Binds the site to the calling fleet if it has none (in memory: the caller writes the state); true when it did.</summary>
    private async ValueTask<bool> ClaimAsync()
    {
        var before = State.Fleet;
        State.Fleet = await FleetAccess.ClaimAsync(Owner, $"Site '{SiteId}'", Task.FromResult);
        return before != State.Fleet;
    }
}
