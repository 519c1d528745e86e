using System.Security.Cryptography;
using EnergyActors.Grains.Abstractions.Access;
using Microsoft.Extensions.Options;

namespace EnergyActors.Gateway.Access;

/// <summary>A caller a key stands for.</summary>
public sealed record Caller(string KeyId, string FleetId, ApiKeyRole Role);

/// <summary>The caller a presented key stands for, or why it stands for none.</summary>
public readonly record struct KeyVerdict(Caller? Caller, string? Refusal)
{
    public static KeyVerdict Unknown { get; } = new(null, "The API key is not known.");
}

/// <summary>
/// Judges a presented key: one SHA-256 of its text, compared in constant time with the configured admin key's hash
/// and with the stored hash of the key its text names (from <see cref="ApiKeyCache"/>), then revocation and expiry.
/// </summary>
public sealed class CallerVerifier
{
    private static readonly Caller ConfiguredAdmin = new(CallerClaims.ConfiguredAdminKeyId, AccessOptions.AdminFleet, ApiKeyRole.Admin);
    private readonly ApiKeyCache _cache;
    private readonly TimeProvider _time;
    private readonly byte[]? _configuredAdminHash;

    public CallerVerifier(ApiKeyCache cache, TimeProvider time, IOptions<AccessOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _time = time;
        _configuredAdminHash = options.Value.BootstrapAdminKey is { Length: > 0 } key ? ApiKeyText.Hash(key) : null;
    }

    public ValueTask<KeyVerdict> VerifyAsync(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > ApiKeyText.MaxPresentedLength)
        {
            return new(KeyVerdict.Unknown);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        ApiKeyText.Hash(key, hash);
        if (_configuredAdminHash is not null && ApiKeyText.SameHash(hash, _configuredAdminHash))
        {
            return new(new KeyVerdict(ConfiguredAdmin, null));
        }

        if (!ApiKeyText.TryGetKeyId(key, out var keyId))
        {
            return new(KeyVerdict.Unknown);
        }

        var lookup = _cache.GetAsync(keyId);
        return lookup.IsCompletedSuccessfully
            ? new(Judge(keyId.ToString(), lookup.Result, hash))
            : JudgeWhenReadAsync(keyId.ToString(), lookup, hash.ToArray());
    }

    private async ValueTask<KeyVerdict> JudgeWhenReadAsync(string keyId, ValueTask<ApiKeyCredential?> lookup, byte[] hash) =>
        Judge(keyId, await lookup, hash);

    private KeyVerdict Judge(string keyId, ApiKeyCredential? credential, ReadOnlySpan<byte> hash)
    {
        // Only a caller holding the secret learns that a key was revoked or expired; to anyone else every key is unknown.
        if (credential is null || !ApiKeyText.SameHash(hash, credential.SecretHash))
        {
            return KeyVerdict.Unknown;
        }

        if (credential.RevokedAt is not null)
        {
            return new(null, "The API key was revoked.");
        }

        if (credential.ExpiresAt is { } expiresAt && expiresAt <= _time.GetUtcNow())
        {
            return new(null, $"The API key expired at {expiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}.");
        }

        return new(new Caller(keyId, credential.FleetId, credential.Role), null);
    }
}
