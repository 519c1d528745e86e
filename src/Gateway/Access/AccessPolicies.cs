using Microsoft.AspNetCore.Authorization;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// The authorization policies, one per kind of route group, and the roles each admits. An endpoint mapped without a
/// policy falls back to requiring an authenticated caller, so nothing added later is open by omission.
/// </summary>
public static class AccessPolicies
{
    /// <summary>POST /v1/telemetry/*: readings into the caller's fleet.</summary>
    public const string Ingest = "ingest";

    /// <summary>The rest of /v1: the caller's fleet's status, analytics, alerts, sites and links.</summary>
    public const string Operate = "operate";

    /// <summary>/v1/admin: fleets and keys.</summary>
    public const string Administer = "administer";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Roles { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Ingest] = [CallerClaims.Device, CallerClaims.Operator, CallerClaims.Admin],
        [Operate] = [CallerClaims.Operator, CallerClaims.Admin],
        [Administer] = [CallerClaims.Admin],
    };

    public static AuthorizationBuilder AddAccessPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        foreach (var (policy, roles) in Roles)
        {
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        return authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>The roles the endpoint's policies admit, for a 403 that says what would do.</summary>
    public static IReadOnlyList<string> RolesFor(Endpoint? endpoint) =>
        endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy is { } policy && Roles.TryGetValue(policy, out var roles) ? roles : CallerClaims.Roles)
            .Aggregate((IEnumerable<string>)CallerClaims.Roles, (allowed, roles) => allowed.Intersect(roles))
            .ToList() ?? CallerClaims.Roles;
}
