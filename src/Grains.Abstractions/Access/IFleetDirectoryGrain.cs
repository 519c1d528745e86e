namespace EnergyActors.Grains.Abstractions.Access;

/// <summary>
/// The one directory of fleets (key 0): where fleets are created and listed, and which remembers whether an admin
/// key was ever issued, so that of several gateways starting at once exactly one generates the first admin key.
/// </summary>
[Alias("ea.IFleetDirectoryGrain")]
public interface IFleetDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("CreateFleet")]
    Task<FleetCreateResult> CreateFleet(string fleetId, string name);

    /// <summary>Every fleet, in id order.</summary>
    [Alias("List")]
    Task<IReadOnlyList<FleetAccount>> List();

    /// <summary>Told by a fleet that its account changed (its rate limits), so the list shows it as it is.</summary>
    [Alias("Refresh")]
    Task Refresh(FleetAccount fleet);

    /// <summary>Told by a fleet that it issued an admin key.</summary>
    [Alias("NoteAdminKey")]
    Task NoteAdminKey();

    /// <summary>
    /// Issues <paramref name="grant"/> (an admin key) when no admin key was ever issued, creating its fleet when needed;
    /// false, and nothing issued, otherwise. The caller that gets true is the one to show the key.
    /// </summary>
    [Alias("TryIssueFirstAdminKey")]
    Task<bool> TryIssueFirstAdminKey(ApiKeyGrant grant, string fleetName);
}
