using EnergyActors.Gateway.Access;
using Orleans.Dashboard;

namespace EnergyActors.Gateway.OperatorConsole;

/// <summary>
/// The Orleans Dashboard (silos, grain types, call rates, reminders) at /console/dashboard, for admin keys only.
/// Its page calls its own JSON routes with relative URLs and cannot send a Bearer header, so the console first
/// opens a session (<see cref="DashboardSession"/>): a cookie that only this path receives and that the key scheme
/// judges exactly as it judges the key itself.
/// </summary>
public static class OrleansDashboardHosting
{
    public const string Path = ConsoleHosting.Path + "/dashboard";

    // Reading a grain's state makes the dashboard call the grain's getters by reflection (activating any grain it
    // is pointed at, across fleets); the live log would stream every log line of the gateway. Neither is for a browser.
    private static readonly string[] Refused = ["/GrainState", "/Trace"];

    public static IClientBuilder AddOrleansDashboardClient(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.AddDashboard(o => o.HideTrace = true);
    }

    public static WebApplication MapOrleansDashboardForAdmins(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOrleansDashboard(Path)
            .RequireAuthorization(AccessPolicies.Administer)
            .ExcludeFromDescription()
            .AddEndpointFilter((context, next) =>
            {
                var path = context.HttpContext.Request.Path.Value ?? string.Empty;
                return Refused.Any(r => path.EndsWith(r, StringComparison.OrdinalIgnoreCase))
                    ? ValueTask.FromResult<object?>(Results.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Not offered",
                        detail: "This gateway's dashboard does not read grain state or stream logs; use the API and the logs."))
                    : next(context);
            });
        return app;
    }
}
