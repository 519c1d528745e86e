using System.Net;
using EnergyActors.Tests.Infrastructure;
using Npgsql;

namespace EnergyActors.Tests.Http;

/// <summary>The operations surface of gateway and silo: metrics that tell how the product runs, not where its database lives.</summary>
[Collection(RunningSystemCollection.Name)]
public sealed class OperationsTests(RunningSystemFixture fixture)
{
    [Fact]
    public async Task Metrics_of_gateway_and_silo_name_no_database_host_port_user_or_name()
    {
        var connection = new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString);
        // Some ingestion first, so that every pool has opened connections and reports them.
        using (var ingest = await fixture.Http.PostAsync(new Uri("/v1/telemetry/meter", UriKind.Relative), Json.Body(Json.Meter($"OPS-{Guid.NewGuid():N}", "2026-01-31T14:00:00Z"))))
        {
            Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        }

        foreach (var host in new[] { fixture.System.GatewayAddress, fixture.System.SiloAddress(0) })
        {
            var metrics = $"{host}\n" + await fixture.Http.GetStringAsync(new Uri(host, "/metrics"));
            Assert.Contains("db_client_connection", metrics, StringComparison.Ordinal);
            Assert.DoesNotContain($"Port={connection.Port}", metrics, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(connection.Database!, metrics, StringComparison.Ordinal);
            Assert.DoesNotContain("Username=", metrics, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Host=", metrics, StringComparison.OrdinalIgnoreCase);
        }
    }
}
