using EnergyActors.ServiceDefaults.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EnergyActors.ServiceDefaults;

/// <summary>
/// The operator surface every host exposes: liveness, readiness and Prometheus text. They ask for no key, so they are
/// served only to loopback callers and on the management URLs (<see cref="OperationsAccess"/>).
/// </summary>
public static class OperationsEndpoints
{
    /// <summary>Health checks carrying this tag decide readiness; liveness runs none (the process answers).</summary>
    public const string ReadyTag = "ready";

    // Read-only by nature; without this every method was answered 200, so DELETE /metrics looked like it worked.
    private static readonly HttpMethodMetadata ReadOnly = new([HttpMethods.Get, HttpMethods.Head]);

    /// <summary>Whether <paramref name="path"/> is one of these endpoints, or below their prefixes where nothing else lives.</summary>
    public static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether routing chose one of these endpoints for the request (whatever spelling of the path led there).</summary>
    public static bool IsOperationsEndpoint(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<OperationsEndpointMarker>() is not null;

    /// <summary>
    /// Maps the endpoints, open to callers without a key: orchestrators and scrapers hold none, and what they answer
    /// names no fleet's data. Where they are reachable from is the transport's concern, not a key's.
    /// </summary>
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Operator(endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }));
        Operator(endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = 200,
                [HealthStatus.Degraded] = 200,
                [HealthStatus.Unhealthy] = 503,
            },
        }));
        Operator(endpoints.MapPrometheusScrapingEndpoint("/metrics"));
        return endpoints;
    }

    // Anonymous: who may reach them is decided by address and port, not by a key (monitoring agents have none).
    private static void Operator(IEndpointConventionBuilder endpoint) =>
        endpoint.WithMetadata(ReadOnly, OperationsEndpointMarker.Instance).AllowAnonymous();

    private sealed class OperationsEndpointMarker
    {
        public static readonly OperationsEndpointMarker Instance = new();
    }
}
