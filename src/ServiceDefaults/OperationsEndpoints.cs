using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EnergyActors.ServiceDefaults;

/// <summary>The operator surface every host exposes: liveness, readiness and Prometheus text.</summary>
public static class OperationsEndpoints
{
    /// <summary>Health checks carrying this tag decide readiness; liveness runs none (the process answers).</summary>
    public const string ReadyTag = "ready";

    // Read-only by nature; without this every method was answered 200, so DELETE /metrics looked like it worked.
    private static readonly HttpMethodMetadata ReadOnly = new([HttpMethods.Get, HttpMethods.Head]);

    /// <summary>
    /// Maps the endpoints, open to callers without a key: orchestrators and scrapers hold none, and what they answer
    /// names no fleet's data. Where they are reachable from is the transport's concern, not a key's.
    /// </summary>
    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithMetadata(ReadOnly).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = 200,
                [HealthStatus.Degraded] = 200,
                [HealthStatus.Unhealthy] = 503,
            },
        }).WithMetadata(ReadOnly).AllowAnonymous();
        endpoints.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(ReadOnly).AllowAnonymous();
        return endpoints;
    }
}
