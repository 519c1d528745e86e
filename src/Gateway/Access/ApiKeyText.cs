using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// The text of an API key, <c>ea_&lt;keyId&gt;_&lt;secret&gt;</c>: 16 hex digits of id, so a gateway finds the key without
/// a search, then 256 random bits of secret (base64url). Only a hash of the whole text is ever stored.
/// </summary>
public static class ApiKeyText
{
    public const string Prefix = "ea_";

    public const int KeyIdLength = 16;

    public const int SecretLength = 43;

    public const int Length = 3 + KeyIdLength + 1 + SecretLength;

    /// <summary>Longer presented keys are refused unread: nothing is hashed for them.</summary>
    public const int MaxPresentedLength = 512;

    private const int KeyIdBytes = KeyIdLength / 2;

    private const int SecretBytes = 32;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>A new key id and the key text carrying it, from the operating system's cryptographic random source.</summary>
    public static (string KeyId, string Key) Create()
    {
        Span<byte> random = stackalloc byte[KeyIdBytes + SecretBytes];
        RandomNumberGenerator.Fill(random);
        var keyId = Convert.ToHexStringLower(random[..KeyIdBytes]);
        return (keyId, $"{Prefix}{keyId}_{Base64Url.EncodeToString(random[KeyIdBytes..])}");
    }

    /// <summary>The key id inside <paramref name="key"/>; false when it is not a key's text.</summary>
    public static bool TryGetKeyId(ReadOnlySpan<char> key, out ReadOnlySpan<char> keyId)
    {
        keyId = default;
        if (key.Length != Length || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }

        var id = key.Slice(Prefix.Length, KeyIdLength);
        var secret = key[(Prefix.Length + KeyIdLength + 1)..];
        if (id.ContainsAnyExcept(HexDigits) || secret.ContainsAnyExcept(Base64UrlAlphabet))
        {
            return false;
        }

        keyId = id;
        return true;
    }

    /// <summary>
    /// SHA-256 of the key's text. A fast hash is enough here, unlike for passwords: the secret is 256 random bits, so
    /// no dictionary or brute-force search can invert the hash, and salting or a slow KDF (which defend guessable
    /// secrets) would only add cost to every request that presents a key not yet cached.
    /// </summary>
    public static byte[] Hash(ReadOnlySpan<char> key)
    {
        var hash = new byte[SHA256.HashSizeInBytes];
        Hash(key, hash);
        return hash;
    }

    /// <summary>Writes the hash of <paramref name="key"/> into <paramref name="hash"/> (32 bytes), allocating nothing for keys of usual length.</summary>
    public static void Hash(ReadOnlySpan<char> key, Span<byte> hash)
    {
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        var rented = length <= 1024 ? null : new byte[length];
        Span<byte> text = rented ?? stackalloc byte[length];
        var written = Encoding.UTF8.GetBytes(key, text);
        SHA256.HashData(text[..written], hash);
    }

    /// <summary>Whether two hashes are equal, in time that does not depend on where they differ.</summary>
    public static bool SameHash(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> stored) =>
        presented.Length == SHA256.HashSizeInBytes && CryptographicOperations.FixedTimeEquals(presented, stored);
}
