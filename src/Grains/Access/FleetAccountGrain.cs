using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Grains.Access;

/// <summary>
/// A fleet's account and key list. The list is written before the key itself, so a key that works is always listed
/// (and can be revoked); a key that failed to be stored is listed without working until it is revoked.
/// </summary>
/// <remarks>Grain type "fleet-account": "fleet" is the fleet view's (<see cref="FleetQueryGrain"/>).</remarks>
[GrainType("fleet-account")]
public sealed class FleetAccountGrain(
    TimeProvider time,
    [PersistentState("fleet", GrainStorage.Name)] IPersistentState<FleetAccountState> fleet) : Grain, IFleetAccountGrain
{
    public async Task<FleetCreateResult> Create(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (fleet.State.Account is { } existing)
        {
            return new FleetCreateResult(Created: false, existing);
        }

        fleet.State.Account = new FleetAccount(this.GetPrimaryKeyString(), name, time.GetUtcNow());
        await fleet.WriteStateAsync();
        return new FleetCreateResult(Created: true, fleet.State.Account);
    }

    public Task<FleetAccount?> GetAccount() => Task.FromResult(fleet.State.Account);

    public async Task<KeyIssue> IssueKey(ApiKeyGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (fleet.State.Account is null || grant.FleetId != fleet.State.Account.FleetId)
        {
            return KeyIssue.UnknownFleet;
        }

        if (fleet.State.Keys.Count >= IFleetAccountGrain.MaxKeys)
        {
            return KeyIssue.FleetFull;
        }

        if (fleet.State.Keys.ContainsKey(grant.KeyId))
        {
            return KeyIssue.KeyIdTaken;
        }

        fleet.State.Keys[grant.KeyId] = grant.Info;
        await fleet.WriteStateAsync();
        if (!await GrainFactory.GetGrain<IApiKeyGrain>(grant.KeyId).Issue(grant))
        {
            fleet.State.Keys.Remove(grant.KeyId);
            await fleet.WriteStateAsync();
            return KeyIssue.KeyIdTaken;
        }

        if (grant.Role == ApiKeyRole.Admin)
        {
            await GrainFactory.GetGrain<IFleetDirectoryGrain>(0).NoteAdminKey();
        }

        return KeyIssue.Issued;
    }

    public Task<IReadOnlyList<ApiKeyInfo>?> ListKeys() => Task.FromResult<IReadOnlyList<ApiKeyInfo>?>(
        fleet.State.Account is null ? null : fleet.State.Keys.Values.OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal).ToList());

    public async Task<FleetAccount?> SetRateLimits(FleetRateLimits? limits)
    {
        if (fleet.State.Account is not { } account)
        {
            return null;
        }

        fleet.State.Account = account with { RateLimits = limits };
        await fleet.WriteStateAsync();
        await GrainFactory.GetGrain<IFleetDirectoryGrain>(0).Refresh(fleet.State.Account);
        return fleet.State.Account;
    }

    public Task<FleetRateLimits?> GetRateLimits() => Task.FromResult(fleet.State.Account?.RateLimits);

    public async Task<bool> RevokeKey(string keyId)
    {
        if (fleet.State.Account is null || !fleet.State.Keys.ContainsKey(keyId))
        {
            return false;
        }

        // The key itself first: once this returns, gateways refuse it within their cache's lifetime.
        await GrainFactory.GetGrain<IApiKeyGrain>(keyId).Revoke();
        fleet.State.Keys.Remove(keyId);
        await fleet.WriteStateAsync();
        return true;
    }
}
