using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// The one place where a request's fleet enters the grain calls it makes (<see cref="FleetScope"/>): every
/// handler after this runs with it, and the grains judge ownership against it.
/// </summary>
public static class FleetScopeMiddleware
{
    public static IApplicationBuilder UseFleetScope(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var fleet = app.ApplicationServices.GetRequiredService<IConfiguration>()["Auth:AnonymousFleet"] ?? "default";
        return app.Use((context, next) =>
        {
            FleetScope.Enter(fleet);
            return next(context);
        });
    }
}
