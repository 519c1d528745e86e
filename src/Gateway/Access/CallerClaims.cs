using System.Security.Claims;
using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// Who is calling, as the API key authentication states it on <see cref="HttpContext.User"/>: the key's id, the
/// fleet it belongs to and its role. Everything that decides per caller (authorization policies, the fleet scope,
/// rate limits, the audit log) reads these claims and nothing else.
/// </summary>
public static class CallerClaims
{
    /// <summary>The key's id (the name of the identity); <see cref="AnonymousKeyId"/> or <see cref="ConfiguredAdminKeyId"/> for callers without a stored key.</summary>
    public const string KeyId = "ea:key";

    /// <summary>The fleet the key belongs to. An admin key acts for every fleet all the same (see the fleet scope).</summary>
    public const string Fleet = "ea:fleet";

    /// <summary>One of <see cref="Device"/>, <see cref="Operator"/>, <see cref="Admin"/> (the identity's role claim type).</summary>
    public const string Role = "ea:role";

    public const string Device = "device";

    public const string Operator = "operator";

    public const string Admin = "admin";

    /// <summary>A caller without a key in anonymous local mode.</summary>
    public const string AnonymousKeyId = "anonymous";

    /// <summary>The admin key given in configuration (Auth:BootstrapAdminKey).</summary>
    public const string ConfiguredAdminKeyId = "configured-admin";

    public static IReadOnlyList<string> Roles { get; } = [Device, Operator, Admin];

    public static string RoleName(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Device => Device,
        ApiKeyRole.Operator => Operator,
        ApiKeyRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };

    public static bool TryParseRole(string? name, out ApiKeyRole role)
    {
        (var known, role) = name switch
        {
            Device => (true, ApiKeyRole.Device),
            Operator => (true, ApiKeyRole.Operator),
            Admin => (true, ApiKeyRole.Admin),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>The principal of a caller acting with <paramref name="role"/> for <paramref name="fleetId"/> under key <paramref name="keyId"/>.</summary>
    public static ClaimsPrincipal Principal(string keyId, string fleetId, ApiKeyRole role, string authenticationType) =>
        new(new ClaimsIdentity(
            [new Claim(KeyId, keyId), new Claim(Fleet, fleetId), new Claim(Role, RoleName(role))],
            authenticationType,
            nameType: KeyId,
            roleType: Role));

    public static string? KeyIdOf(ClaimsPrincipal user) => user?.FindFirst(KeyId)?.Value;

    public static string? FleetOf(ClaimsPrincipal user) => user?.FindFirst(Fleet)?.Value;

    public static string? RoleOf(ClaimsPrincipal user) => user?.FindFirst(Role)?.Value;
}
