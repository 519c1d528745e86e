using EnergyActors.Gateway.Contracts;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// The one place where a request's fleet enters the grain calls it makes (<see cref="FleetScope"/>): every
/// handler after this runs with it, and the grains judge ownership against it. It runs after authorization, so
/// only an admitted caller gets a scope: a device or operator key its own fleet, an admin key the fleet named by
/// <c>?fleetId=</c>, or every fleet when it names none.
/// </summary>
public static class FleetScopeMiddleware
{
    public const string FleetIdParameter = "fleetId";

    public static IApplicationBuilder UseFleetScope(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated != true)
            {
                // Only the public endpoints (documents, health, metrics) are reached without a caller; they touch no fleet's data.
                return next(context);
            }

            if (CallerClaims.RoleOf(user) != CallerClaims.Admin)
            {
                FleetScope.Enter(CallerClaims.FleetOf(user)!);
                return next(context);
            }

            var named = context.Request.Query[FleetIdParameter];
            if (named.Count == 0)
            {
                FleetScope.Enter(FleetScope.AllFleets);
                return next(context);
            }

            if (named.Count > 1)
            {
                return ValidationResults.From(new FieldError(FleetIdParameter, $"'{FleetIdParameter}' names one fleet; it is given {named.Count} times.")).ExecuteAsync(context);
            }

            if (!DeviceId.IsValid(named[0]))
            {
                return Problems.InvalidId(FleetIdParameter).ExecuteAsync(context);
            }

            FleetScope.Enter(named[0]!);
            return next(context);
        });
    }
}
