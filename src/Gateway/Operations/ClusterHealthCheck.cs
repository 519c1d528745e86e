using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EnergyActors.Gateway.Operations;

/// <summary>Ready only while at least one silo answers the management grain through this client.</summary>
public sealed class ClusterHealthCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The management grain's GetHosts takes no token; the wait below bounds it instead.
#pragma warning disable CA2016
            var request = client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
#pragma warning restore CA2016
            var hosts = await request.WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The Orleans cluster is unreachable.", ex);
        }
    }
}
