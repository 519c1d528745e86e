using System.ComponentModel.DataAnnotations;

namespace EnergyActors.Gateway.Access;

/// <summary>Who may call without a key, the admin key given in configuration, and how long keys are cached (section <c>Auth</c>).</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Auth";

    /// <summary>The fleet the first generated admin key (and the configured one) belongs to; created when missing.</summary>
    public const string AdminFleet = "default";

    /// <summary>
    /// Anonymous local mode: requests without a key act as an operator of this fleet. Honoured only while every HTTP
    /// endpoint listens on loopback (see <see cref="AccessSettings"/>).
    /// </summary>
    public string? AnonymousFleet { get; set; }

    /// <summary>An admin key accepted by every gateway given it, at least 32 visible ASCII characters; when unset, one is generated once.</summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>
    /// How long a gateway trusts what it last read about a key. Revocation and expiry must reach every gateway
    /// within 5 s, so it stays below that; expiry itself is checked on every request.
    /// </summary>
    [Range(0, 4)]
    public int KeyCacheSeconds { get; set; } = 2;
}
