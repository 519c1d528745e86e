using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Grains.Access;

/// <summary>
/// The directory of fleets. Fleets are created through it, so the list never lacks a fleet that exists: a creation
/// that failed half-way is completed by the next attempt, which finds the account and lists it.
/// </summary>
[GrainType("fleet-directory")]
public sealed class FleetDirectoryGrain(
    [PersistentState("fleets", GrainStorage.Name)] IPersistentState<FleetDirectoryState> directory) : Grain, IFleetDirectoryGrain
{
    public async Task<FleetCreateResult> CreateFleet(string fleetId, string name)
    {
        var result = await GrainFactory.GetGrain<IFleetAccountGrain>(fleetId).Create(name);
        if (!directory.State.Fleets.ContainsKey(fleetId))
        {
            directory.State.Fleets[fleetId] = result.Fleet;
            await directory.WriteStateAsync();
        }

        return result;
    }

    public async Task Refresh(FleetAccount fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        if (directory.State.Fleets.ContainsKey(fleet.FleetId))
        {
            directory.State.Fleets[fleet.FleetId] = fleet;
            await directory.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<FleetAccount>> List() => Task.FromResult<IReadOnlyList<FleetAccount>>([.. directory.State.Fleets.Values]);

    public async Task NoteAdminKey()
    {
        if (!directory.State.AdminKeyIssued)
        {
            directory.State.AdminKeyIssued = true;
            await directory.WriteStateAsync();
        }
    }

    public async Task<bool> TryIssueFirstAdminKey(ApiKeyGrant grant, string fleetName)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (directory.State.AdminKeyIssued || grant.Role != ApiKeyRole.Admin)
        {
            return false;
        }

        await CreateFleet(grant.FleetId, fleetName);
        // The fleet tells this directory of the admin key it issued (NoteAdminKey) while this call waits for it: only
        // this call chain may come back in, so no other caller runs between the check above and the issue.
        KeyIssue issued;
        using (RequestContext.AllowCallChainReentrancy())
        {
            issued = await GrainFactory.GetGrain<IFleetAccountGrain>(grant.FleetId).IssueKey(grant);
        }

        // A fleet full of keys, or a key id taken (a random 64-bit id colliding), is the caller's to retry with another key.
        return issued == KeyIssue.Issued ? true : throw new InvalidOperationException($"The first admin key was not issued: {issued}.");
    }
}
