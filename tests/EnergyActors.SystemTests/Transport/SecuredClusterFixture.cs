using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Transport;

/// <summary>
/// Two silos and a gateway with every connection encrypted, as an operator would run them on a network: mutual TLS
/// between the silos and from the gateway to them (certificates of the cluster's CA), and HTTPS on the gateway and
/// the silos' HTTP endpoints. A second CA, which the cluster does not trust, stands for anyone else.
/// </summary>
public sealed class SecuredClusterFixture : IAsyncLifetime
{
    public TestCertificateAuthority ClusterAuthority { get; } = TestCertificateAuthority.Create("cluster");

    public TestCertificateAuthority RogueAuthority { get; } = TestCertificateAuthority.Create("rogue");

    public IssuedCertificate Silo { get; private set; } = null!;

    public IssuedCertificate Gateway { get; private set; } = null!;

    public RunningSystem System { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>The settings that turn on cluster TLS with <paramref name="certificate"/>, trusting what <paramref name="trusted"/> issued.</summary>
    public static Dictionary<string, string> TlsSettings(IssuedCertificate certificate, TestCertificateAuthority trusted)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(trusted);
        return new Dictionary<string, string>
        {
            ["Orleans__Tls__CertificatePath"] = certificate.CertificatePath,
            ["Orleans__Tls__KeyPath"] = certificate.KeyPath,
            ["Orleans__Tls__CaCertificatePath"] = trusted.CertificatePath,
        };
    }

    public async Task InitializeAsync()
    {
        // A silo is server and client (it connects to the other silos); the gateway is only a client of the silos.
        Silo = ClusterAuthority.Issue("silo", CertificateUses.Server | CertificateUses.Client);
        Gateway = ClusterAuthority.Issue("gateway", CertificateUses.Client);
        Database = await TestDatabase.CreateAsync("clustertls");
        System = await RunningSystem.StartAsync(Database.ConnectionString, new RunningSystemOptions
        {
            Silos = 2,
            SiloSettings = TlsSettings(Silo, ClusterAuthority),
            GatewaySettings = TlsSettings(Gateway, ClusterAuthority),
            Https = ClusterAuthority.Issue("https", CertificateUses.Server),
            HttpsAuthority = ClusterAuthority,
        });
    }

    public async Task DisposeAsync()
    {
        if (System is not null)
        {
            await System.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        ClusterAuthority.Dispose();
        RogueAuthority.Dispose();
    }
}
