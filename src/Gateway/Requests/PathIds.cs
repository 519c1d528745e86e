using EnergyActors.Gateway.Contracts;
using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Gateway.Requests;

/// <summary>
/// The route values of a group that name a device or site: each must be a valid id, or the request is answered 400
/// naming it before anything else of it (query, body) is judged.
/// </summary>
public sealed class PathIds(params string[] names)
{
    public IReadOnlyList<string> Names => names;

    /// <summary>The first id in the request's path that breaks the id rule; null when all keep it (or the route has none).</summary>
    public string? FirstInvalid(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var name in names)
        {
            if (request.RouteValues.TryGetValue(name, out var value) && !DeviceId.IsValid(value as string))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The path's ids of the endpoint handling <paramref name="context"/>, when its group declared them.</summary>
    public static string? FirstInvalid(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetEndpoint()?.Metadata.GetMetadata<PathIds>()?.FirstInvalid(context.Request);
    }
}

/// <summary>The request rules of a route group, applied in the order the contract answers them: the path's ids, then a body's fields.</summary>
public static class RequestRules
{
    public static RouteGroupBuilder WithRequestRules(this RouteGroupBuilder group, params string[] pathIds)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithMetadata(new PathIds(pathIds));
        group.AddEndpointFilter(static async (context, next) =>
        {
            if (PathIds.FirstInvalid(context.HttpContext) is { } field)
            {
                return Problems.InvalidId(field);
            }

            foreach (var argument in context.Arguments)
            {
                if (argument is IRequestBody { Errors.Count: > 0 } body)
                {
                    return ValidationResults.From(body.Errors);
                }
            }

            return await next(context);
        });
        return group;
    }
}
