using System.Net;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Npgsql;

namespace EnergyActors.Tests.Transport;

/// <summary>PostgreSQL reached over TLS when its server offers it, chosen by nothing but the connection string.</summary>
public sealed class PostgresTlsTests
{
    [Fact]
    public async Task Silo_and_gateway_reach_a_postgres_that_offers_TLS_over_verified_TLS_connections_only()
    {
        using var authority = TestCertificateAuthority.Create("postgres");
        await using var server = await PostgresServer.StartPrivateAsync(authority.Issue("postgres-server", CertificateUses.Server));
        await using var database = await TestDatabase.CreateAsync("pgtls", server.AdminConnectionString);
        // An application name of their own tells the stack's connections apart from the test's.
        const string application = "energyactors-tls-test";
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            SslMode = SslMode.VerifyFull,
            RootCertificate = authority.CertificatePath,
            ApplicationName = application,
        }.ConnectionString;
        await using var system = await RunningSystem.StartAsync(connectionString);

        var meter = $"PGTLS-{Guid.NewGuid():N}"[..20];
        using (var ingest = await system.Http.PostAsync(new Uri("/v1/telemetry/meter", UriKind.Relative), Json.Body(Json.Meter(meter, "2026-01-31T14:00:00Z", kwh: 7.25))))
        {
            Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        }

        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1 AND kwh_consumed_ac = 7.25", meter));
        // The server's own view of the stack's sessions (silo and gateway pools): all of them encrypted.
        const string sessions = "SELECT count(*) FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.application_name = $1 AND s.ssl = $2";
        Assert.True(await database.ScalarAsync(sessions, application, true) > 0, "PostgreSQL saw no TLS session of the stack.");
        Assert.Equal(0, await database.ScalarAsync(sessions, application, false));
    }
}
