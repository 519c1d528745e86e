using System.Security.Cryptography;
using System.Text;

namespace EnergyActors.Silo.Webhooks;

/// <summary>
/// What a receiver checks: <c>X-EnergyActors-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the exact body bytes
/// with the webhook's secret (UTF-8), in lowercase hexadecimal.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-EnergyActors-Signature";

    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>A receiver's check, in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));
}
