using System.Globalization;
using System.Net;
using EnergyActors.ServiceDefaults.Transport;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime.Messaging;

namespace EnergyActors.Tests.Transport;

/// <summary>
/// Transport security as deployed: HTTPS at the edge, mutual TLS inside the cluster, and nobody without a certificate
/// of the cluster's CA gets in, neither as a silo nor as a client.
/// </summary>
public sealed class ClusterTlsTests(SecuredClusterFixture fixture) : IClassFixture<SecuredClusterFixture>
{
    private const int ActiveStatus = 3;
    private const int DeadStatus = 6;

    [Fact]
    public async Task Readings_go_in_and_come_back_over_https_through_two_silos_joined_by_mutual_TLS()
    {
        var system = fixture.System;
        Assert.Equal("https", system.GatewayAddress.Scheme);
        // Both silos joined, which takes a TLS connection each way between them.
        Assert.Equal(2, await ActiveSilosAsync());

        // Enough meters that the cluster places some on each silo, so calls also cross between them.
        var meters = Enumerable.Range(0, 24).Select(i => $"TLS-{Guid.NewGuid():N}"[..16] + i).ToList();
        foreach (var meter in meters)
        {
            using var ingest = await system.Http.PostAsync(new Uri("/v1/telemetry/meter", UriKind.Relative), Json.Body(Json.Meter(meter, "2026-01-31T14:00:00Z", kwh: 12.5)));
            Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        }

        foreach (var meter in meters)
        {
            using var status = await system.Http.GetAsync(new Uri($"/v1/telemetry/meter/{meter}/status", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            Assert.Equal(12.5, (double)(await Json.ReadAsync(status))["kwhConsumedAc"]!);
        }

        using var http = system.NewClient(TimeSpan.FromSeconds(10));
        for (var i = 0; i < system.SiloCount; i++)
        {
            Assert.Equal("https", system.SiloAddress(i).Scheme);
            using var ready = await http.GetAsync(new Uri(system.SiloAddress(i), "/health/ready"));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }

    [Fact]
    public async Task A_silo_whose_certificate_the_cluster_CA_did_not_issue_cannot_join()
    {
        // The impostor trusts the cluster's CA, so only the cluster's own check of its certificate keeps it out.
        var impostor = fixture.RogueAuthority.Issue("impostor", CertificateUses.Server | CertificateUses.Client);
        var siloPort = FreePort.Next();
        var settings = SecuredClusterFixture.TlsSettings(impostor, fixture.ClusterAuthority);
        settings["Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        settings["Orleans__Membership__MaxJoinAttemptTime"] = "00:00:10";
        await using var silo = fixture.System.LaunchSilo("impostor", settings);

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(120));

        Assert.True(exitCode is not null and not 0, $"The impostor silo is still running or ended well ({exitCode}):\n{silo.Tail()}");
        // It reached the membership table (its settings were good), reached none of the members, and is recorded dead:
        // it gives up after MaxJoinAttemptTime, or the cluster's verdict reaches it first, whichever comes sooner.
        Assert.True(silo.Output.Contains("Failed to get ping responses from 2 of 2 active silos", StringComparison.Ordinal), silo.Tail());
        // When the impostor gives up first, it may exit before its own write of that status lands; the members then evict
        // it (Orleans evicts a silo still joining after MaxJoinAttemptTime) at their next look at the table: wait for that.
        var recorded = 0L;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); recorded == 0 && DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            recorded = await fixture.Database.ScalarAsync(
                "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND port = $2 AND status = $3", fixture.System.ClusterId, siloPort, DeadStatus);
        }

        Assert.Equal(1, recorded);
        Assert.Equal(2, await ActiveSilosAsync());
        using var ingest = await fixture.System.Http.PostAsync(new Uri("/v1/telemetry/meter", UriKind.Relative), Json.Body(Json.Meter($"TLS-{Guid.NewGuid():N}", "2026-01-31T15:00:00Z")));
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
    }

    [Fact]
    public async Task Only_a_client_with_a_certificate_of_the_cluster_CA_connects_to_a_silo()
    {
        var rogue = fixture.RogueAuthority.Issue("rogue-client", CertificateUses.Client);
        var member = fixture.ClusterAuthority.Issue("member-client", CertificateUses.Client);

        var plain = await ConnectAsync(tls: null);
        var untrusted = await ConnectAsync(ClusterTls.Load(Options(rogue)));
        var trusted = await ConnectAsync(ClusterTls.Load(Options(member)));

        // Refused at the connection itself (the TLS handshake), not by anything after it.
        Assert.IsType<ConnectionFailedException>(plain.Failure);
        Assert.IsType<ConnectionFailedException>(untrusted.Failure);
        Assert.True(trusted.Failure is null, $"A client with a certificate of the cluster's CA could not connect: {trusted.Failure}");
        Assert.Equal(2, trusted.ActiveSilos);
    }

    private ClusterTlsOptions Options(IssuedCertificate certificate) => new()
    {
        CertificatePath = certificate.CertificatePath,
        KeyPath = certificate.KeyPath,
        CaCertificatePath = fixture.ClusterAuthority.CertificatePath,
    };

    /// <summary>An Orleans client in this process, straight at silo 0's gateway port; it gives up after three attempts.</summary>
    private async Task<(Exception? Failure, int ActiveSilos)> ConnectAsync(ClusterTls? tls)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var attempts = 0;
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, fixture.System.SiloGatewayPort(0)));
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(Interlocked.Increment(ref attempts) < 3));
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = fixture.System.ClusterId;
                o.ServiceId = "energyactors-tests";
            });
            if (tls is not null)
            {
                client.UseTls(tls.Configure);
            }
        });
        using var host = builder.Build();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await host.StartAsync(deadline.Token);
            var hosts = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            return (null, hosts.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (ex, 0);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private Task<long> ActiveSilosAsync() => fixture.Database.ScalarAsync(
        "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = $1 AND status = $2", fixture.System.ClusterId, ActiveStatus);
}
