using EnergyActors.Gateway.Access;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.OperatorConsole;

/// <summary>GET /v1/caller: the role and fleet of the key in use, so a client (the console) shows what it may do.</summary>
public static class CallerEndpoints
{
    public static RouteGroupBuilder MapCaller(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/", Describe)
            .WithName("DescribeCaller")
            .WithSummary("Who the key in use is")
            .WithDescription("The key's id, its role (device, operator or admin) and its fleet (null for an admin, who acts for every fleet).")
            .WithExamples(ApiExamples.Caller);
        return group;
    }

    private static Ok<CallerResponse> Describe(HttpContext context)
    {
        var user = context.User;
        var role = CallerClaims.RoleOf(user)!;
        return TypedResults.Ok(new CallerResponse(CallerClaims.KeyIdOf(user)!, role, role == CallerClaims.Admin ? null : CallerClaims.FleetOf(user)));
    }
}
