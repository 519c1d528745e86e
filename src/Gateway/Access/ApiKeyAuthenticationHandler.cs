using System.Net;
using System.Text.Encodings.Web;
using EnergyActors.Grains.Abstractions.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// The API key scheme: <c>Authorization: Bearer &lt;key&gt;</c> becomes a caller (<see cref="CallerClaims"/>). Without a
/// header, in anonymous local mode on a loopback connection, the caller is an operator of the anonymous fleet; with
/// one, the key alone decides. The Orleans Dashboard's own calls carry the key in their session cookie instead
/// (<see cref="DashboardSession"/>). Refusals are problem details: 401 with <c>WWW-Authenticate: Bearer</c>, or 403.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CallerVerifier verifier,
    IOptions<AccessOptions> access,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string BearerPrefix = "Bearer ";

    private const string Expected = "Send an API key as 'Authorization: Bearer <key>'.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            if (DashboardSession.KeyOf(Request) is { } sessionKey)
            {
                var session = await verifier.VerifyAsync(sessionKey);
                return session.Caller is { } sessionCaller ? Success(sessionCaller) : AuthenticateResult.Fail(session.Refusal!);
            }

            return access.Value.AnonymousFleet is { Length: > 0 } fleet && IsLoopback(Context.Connection)
                ? Success(new Caller(CallerClaims.AnonymousKeyId, fleet, ApiKeyRole.Operator))
                : AuthenticateResult.NoResult();
        }

        if (headers.Count > 1)
        {
            return AuthenticateResult.Fail($"The request has {headers.Count} Authorization headers. {Expected}");
        }

        var value = headers[0] ?? string.Empty;
        if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || value.AsSpan(BearerPrefix.Length).Trim(' ').IsEmpty)
        {
            return AuthenticateResult.Fail($"The Authorization header is not a Bearer key. {Expected}");
        }

        var verdict = await verifier.VerifyAsync(value[BearerPrefix.Length..].Trim(' '));
        return verdict.Caller is { } caller ? Success(caller) : AuthenticateResult.Fail(verdict.Refusal!);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var refusal = result.Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // RFC 6750 §3: a presented key that is refused is an invalid_token; without one the challenge names the scheme alone.
        Response.Headers.WWWAuthenticate = refusal is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            refusal is null ? "API key required" : "API key refused",
            refusal ?? $"This endpoint needs an API key. {Expected}");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = CallerClaims.RoleOf(Context.User);
        var who = CallerClaims.KeyIdOf(Context.User) == CallerClaims.AnonymousKeyId
            ? $"A request without a key (anonymous local mode acts as an {role})"
            : $"A key with the role {role}";
        var endpoint = Context.GetEndpoint();
        var route = endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern } ? $"{Request.Method} {pattern}" : "this endpoint";
        var allowed = string.Join(" or ", AccessPolicies.RolesFor(endpoint));
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed for this role", $"{who} may not use {route}; it needs an {allowed} key.");
    }

    private static bool IsLoopback(ConnectionInfo connection) =>
        connection.LocalIpAddress is { } local && IPAddress.IsLoopback(local)
        && connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);

    private AuthenticateResult Success(Caller caller) =>
        AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.Principal(caller.KeyId, caller.FleetId, caller.Role, Scheme.Name), Scheme.Name));

    private async Task WriteProblemAsync(int status, string title, string detail) =>
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
}
