using EnergyActors.Gateway.Contracts;
using EnergyActors.Grains.Abstractions.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// A grain's refusal to act for the caller's fleet, answered the same way for every endpoint: another fleet's data
/// is 403, and an admin acting for every fleet where one fleet is needed is a 400 naming <c>fleetId</c>.
/// </summary>
public sealed class FleetAccessExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not FleetAccessException refused)
        {
            return false;
        }

        var answer = refused.Failure == FleetAccessFailure.OtherFleet
            ? (IResult)Forbidden(refused.Message)
            : ValidationResults.From(new FieldError("fleetId", refused.Message));
        await answer.ExecuteAsync(httpContext);
        return true;
    }

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Another fleet's data", detail: detail);
}
