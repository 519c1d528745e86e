namespace EnergyActors.Grains.Abstractions.Access;

/// <summary>
/// One fleet's account (key: fleet id): its name and the keys issued to it. Created through
/// <see cref="IFleetDirectoryGrain"/>, which lists the fleets. Distinct from <see cref="IFleetQueryGrain"/>, the
/// fleet's analytics view.
/// </summary>
[Alias("ea.IFleetAccountGrain")]
public interface IFleetAccountGrain : IGrainWithStringKey
{
    /// <summary>Keys a fleet holds at most (revoked ones leave it): its whole list is one grain's state.</summary>
    const int MaxKeys = 10_000;

    [Alias("Create")]
    Task<FleetCreateResult> Create(string name);

    /// <summary>The fleet; null when no fleet has this id.</summary>
    [Alias("GetAccount")]
    Task<FleetAccount?> GetAccount();

    [Alias("IssueKey")]
    Task<KeyIssue> IssueKey(ApiKeyGrant grant);

    /// <summary>The fleet's keys, oldest first; null when no fleet has this id.</summary>
    [Alias("ListKeys")]
    Task<IReadOnlyList<ApiKeyInfo>?> ListKeys();

    /// <summary>Revokes one of the fleet's keys at once and drops it from the list; false when the fleet holds no such key.</summary>
    [Alias("RevokeKey")]
    Task<bool> RevokeKey(string keyId);

    /// <summary>Replaces the fleet's own rate limits (null: the defaults again); the fleet as it is now, null when no fleet has this id.</summary>
    [Alias("SetRateLimits")]
    Task<FleetAccount?> SetRateLimits(FleetRateLimits? limits);

    /// <summary>The fleet's own rate limits; null when it has none (or no fleet has this id): the defaults apply.</summary>
    [Alias("GetRateLimits")]
    Task<FleetRateLimits?> GetRateLimits();
}
