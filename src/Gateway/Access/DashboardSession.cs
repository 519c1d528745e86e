using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.OperatorConsole;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// POST /v1/admin/dashboard-session: the admin key of the request, put in a cookie that the browser sends to
/// /console/dashboard only (HttpOnly, SameSite=Strict, an hour at most), for the Orleans Dashboard's own calls.
/// The key scheme judges the cookie as it judges a Bearer key, on that path alone, so a revoked or expired key
/// closes the session at once; DELETE forgets it. The secret is the one the console already holds for the tab.
/// </summary>
public static class DashboardSession
{
    public const string CookieName = "EnergyActors-Dashboard";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static RouteGroupBuilder MapDashboardSession(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/dashboard-session", Open)
            .WithName("OpenDashboardSession")
            .WithSummary("Let this browser open the Orleans Dashboard")
            .WithDescription($"Sets an HttpOnly cookie, sent only to {OrleansDashboardHosting.Path}, that stands for the admin key of this request "
                + "for an hour or until the key is revoked or expires. 204.")
            .WithRefusalExample(StatusCodes.Status403Forbidden, "Not allowed for this role", RefusedOperator("POST"));
        group.MapDelete("/dashboard-session", Close)
            .WithName("CloseDashboardSession")
            .WithSummary("Forget this browser's Orleans Dashboard session")
            .WithDescription("Clears the cookie POST /v1/admin/dashboard-session set. 204.")
            .WithRefusalExample(StatusCodes.Status403Forbidden, "Not allowed for this role", RefusedOperator("DELETE"));
        return group;
    }

    private static string RefusedOperator(string method) =>
        $"A key with the role operator may not use {method} /v1/admin/dashboard-session; it needs an admin key.";

    /// <summary>The key a dashboard request carries in its session cookie, if it is such a request.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(OrleansDashboardHosting.Path, StringComparison.Ordinal)
            && request.Cookies.TryGetValue(CookieName, out var key) && key.Length > 0
            ? key
            : null;
    }

    private static NoContent Open(HttpContext context)
    {
        // The handler admitted this request by its Authorization header; the cookie carries that same key.
        var key = context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim(' ');
        context.Response.Cookies.Append(CookieName, key, Options(context.Request, Lifetime));
        return TypedResults.NoContent();
    }

    private static NoContent Close(HttpContext context)
    {
        context.Response.Cookies.Delete(CookieName, Options(context.Request, TimeSpan.Zero));
        return TypedResults.NoContent();
    }

    private static CookieOptions Options(HttpRequest request, TimeSpan maxAge) => new()
    {
        Path = OrleansDashboardHosting.Path,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
