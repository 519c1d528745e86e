using EnergyActors.Gateway.Access;
using EnergyActors.Grains.Abstractions.Access;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EnergyActors.Tests.Access;

/// <summary>
/// Judging a presented key against a stand-in for the key grains: the stored hash, revocation and expiry, the
/// configured admin key, and how long an answer is trusted before the grain is asked again.
/// </summary>
public sealed class CallerVerifierTests
{
    private const string ConfiguredAdminKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 31, 14, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, ApiKeyCredential> _stored = new(StringComparer.Ordinal);
    private int _reads;

    [Fact]
    public async Task A_stored_key_stands_for_its_fleet_and_role()
    {
        var key = Store("fleet-a", ApiKeyRole.Device);
        var verdict = await Verifier().VerifyAsync(key);
        Assert.Equal(("fleet-a", ApiKeyRole.Device), (verdict.Caller?.FleetId, verdict.Caller?.Role));
        Assert.Equal(key[3..19], verdict.Caller!.KeyId);
    }

    [Fact]
    public async Task A_key_with_a_known_id_but_another_secret_is_unknown()
    {
        var key = Store("fleet-a", ApiKeyRole.Admin);
        var verdict = await Verifier().VerifyAsync(key[..^1] + (key[^1] == 'A' ? 'B' : 'A'));
        Assert.Equal(KeyVerdict.Unknown, verdict);
    }

    [Fact]
    public async Task Text_that_is_no_key_and_an_id_never_issued_are_unknown()
    {
        var verifier = Verifier();
        Assert.Equal(KeyVerdict.Unknown, await verifier.VerifyAsync("not a key"));
        Assert.Equal(KeyVerdict.Unknown, await verifier.VerifyAsync(ApiKeyText.Create().Key));
        Assert.Equal(KeyVerdict.Unknown, await verifier.VerifyAsync(new string('k', 10_000)));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_once_the_cached_answer_is_older_than_the_cache_lifetime()
    {
        var key = Store("fleet-a", ApiKeyRole.Operator);
        var verifier = Verifier(cacheSeconds: 2);
        Assert.NotNull((await verifier.VerifyAsync(key)).Caller);
        var keyId = key[3..19];
        _stored[keyId] = _stored[keyId] with { RevokedAt = _time.GetUtcNow() };

        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.NotNull((await verifier.VerifyAsync(key)).Caller);
        Assert.Equal(1, _reads);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        var verdict = await verifier.VerifyAsync(key);
        Assert.Null(verdict.Caller);
        Assert.Contains("revoked", verdict.Refusal, StringComparison.Ordinal);
        Assert.Equal(2, _reads);
    }

    [Fact]
    public async Task An_expired_key_is_refused_from_its_expiry_on_even_from_the_cache()
    {
        var key = Store("fleet-a", ApiKeyRole.Operator, expiresAt: _time.GetUtcNow().AddSeconds(1));
        var verifier = Verifier(cacheSeconds: 4);
        Assert.NotNull((await verifier.VerifyAsync(key)).Caller);
        _time.Advance(TimeSpan.FromSeconds(1));
        var verdict = await verifier.VerifyAsync(key);
        Assert.Null(verdict.Caller);
        Assert.Contains("expired", verdict.Refusal, StringComparison.Ordinal);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task The_configured_admin_key_needs_no_look_up()
    {
        var verdict = await Verifier().VerifyAsync(ConfiguredAdminKey);
        Assert.Equal((CallerClaims.ConfiguredAdminKeyId, ApiKeyRole.Admin), (verdict.Caller?.KeyId, verdict.Caller?.Role));
        Assert.Equal(0, _reads);
        Assert.Equal(KeyVerdict.Unknown, await Verifier().VerifyAsync(ConfiguredAdminKey[..^1]));
    }

    [Fact]
    public async Task A_failed_look_up_is_not_kept_and_the_next_request_asks_again()
    {
        var key = Store("fleet-a", ApiKeyRole.Operator);
        var fail = true;
        var options = Options.Create(new AccessOptions { KeyCacheSeconds = 2 });
        var cache = new ApiKeyCache(
            keyId => fail ? Task.FromException<ApiKeyCredential?>(new TimeoutException("cluster unreachable")) : Read(keyId),
            _time,
            options);
        var verifier = new CallerVerifier(cache, _time, options);
        await Assert.ThrowsAsync<TimeoutException>(async () => await verifier.VerifyAsync(key));
        fail = false;
        Assert.NotNull((await verifier.VerifyAsync(key)).Caller);
    }

    private CallerVerifier Verifier(int cacheSeconds = 2)
    {
        var options = Options.Create(new AccessOptions { KeyCacheSeconds = cacheSeconds, BootstrapAdminKey = ConfiguredAdminKey });
        return new CallerVerifier(new ApiKeyCache(Read, _time, options), _time, options);
    }

    private Task<ApiKeyCredential?> Read(string keyId)
    {
        _reads++;
        return Task.FromResult(_stored.TryGetValue(keyId, out var credential) ? credential : null);
    }

    private string Store(string fleetId, ApiKeyRole role, DateTimeOffset? expiresAt = null)
    {
        var (keyId, key) = ApiKeyText.Create();
        _stored[keyId] = new ApiKeyCredential(fleetId, role, ApiKeyText.Hash(key), expiresAt, RevokedAt: null);
        return key;
    }
}
