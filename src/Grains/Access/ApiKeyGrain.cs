using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Grains.Access;

/// <summary>One key, looked up by gateways every few seconds while it is in use, so it stays in memory.</summary>
[GrainType("api-key")]
public sealed class ApiKeyGrain(
    TimeProvider time,
    [PersistentState("key", GrainStorage.Name)] IPersistentState<ApiKeyState> key) : Grain, IApiKeyGrain
{
    public async Task<bool> Issue(ApiKeyGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (grant.KeyId != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Key {grant.KeyId} issued to grain {this.GetPrimaryKeyString()}.", nameof(grant));
        }

        // An id is used once: a revoked key's id is never issued again, so no old copy of the key can come back to life.
        if (key.RecordExists)
        {
            return false;
        }

        key.State.Grant = grant;
        await key.WriteStateAsync();
        return true;
    }

    public async Task Revoke()
    {
        if (key.State.RevokedAt is not null)
        {
            return;
        }

        key.State.RevokedAt = time.GetUtcNow();
        await key.WriteStateAsync();
    }

    public Task<ApiKeyCredential?> GetCredential() => Task.FromResult(
        key.State.Grant is { } grant ? new ApiKeyCredential(grant.FleetId, grant.Role, grant.SecretHash, grant.ExpiresAt, key.State.RevokedAt) : null);
}
