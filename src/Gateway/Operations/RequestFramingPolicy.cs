using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Matching;

namespace EnergyActors.Gateway.Operations;

/// <summary>
/// Applies <see cref="RequestFraming"/> in routing, to every endpoint that declares the media types of its body
/// (<c>.Accepts(...)</c>), so no handler repeats it. It runs after the HTTP method is matched (a wrong method stays
/// 405) and before ASP.NET's own Accepts policy, which would answer 415 without saying what is accepted.
/// </summary>
public sealed class RequestFramingPolicy : MatcherPolicy, INodeBuilderPolicy
{
    // ASP.NET's HttpMethodMatcherPolicy has order -1000, its AcceptsMatcherPolicy -100.
    public override int Order => -200;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Any(e => Declared(e).Count > 0);
    }

    public IReadOnlyList<PolicyNodeEdge> GetEdges(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var mediaTypes = endpoints.SelectMany(Declared).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        // Endpoints declaring nothing take any body; a refused request reaches the 415 only when there are none.
        var refused = endpoints.Where(e => Declared(e).Count == 0).ToList();
        if (refused.Count == 0)
        {
            refused.Add(RequestFraming.UnsupportedMediaTypeEndpoint(mediaTypes));
        }

        return
        [
            new PolicyNodeEdge(new Framing(Taken: true, mediaTypes), endpoints.ToList()),
            new PolicyNodeEdge(new Framing(Taken: false, mediaTypes), refused),
        ];
    }

    public PolicyJumpTable BuildJumpTable(int exitDestination, IReadOnlyList<PolicyJumpTableEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var taken = exitDestination;
        var refused = exitDestination;
        IReadOnlyList<string> mediaTypes = [];
        foreach (var edge in edges)
        {
            var framing = (Framing)edge.State;
            mediaTypes = framing.MediaTypes;
            if (framing.Taken)
            {
                taken = edge.Destination;
            }
            else
            {
                refused = edge.Destination;
            }
        }

        return new FramingJumpTable(mediaTypes, taken, refused);
    }

    private static IReadOnlyList<string> Declared(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];

    private sealed record Framing(bool Taken, IReadOnlyList<string> MediaTypes);

    private sealed class FramingJumpTable(IReadOnlyList<string> mediaTypes, int taken, int refused) : PolicyJumpTable
    {
        public override int GetDestination(HttpContext httpContext) =>
            RequestFraming.Refusal(httpContext.Request, mediaTypes) is null ? taken : refused;
    }
}
