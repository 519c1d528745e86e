using System.Net;
using System.Security.Cryptography;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.MultiHost;

/// <summary>
/// The product spread over machines as an operator would deploy it, made of network namespaces on one bridge:
/// PostgreSQL on one machine (listening on its private address only), a silo on each of three others advertising
/// their own addresses, and a gateway on a fifth that takes API keys. The test reaches the gateway and PostgreSQL
/// over the bridge. Dispose ends the processes, then the server, then the network.
/// </summary>
public sealed class MultiHostCluster : IAsyncDisposable
{
    public const int SiloCount = 3;

    private readonly BridgedNetwork _network;
    private readonly List<BridgedHost> _siloHosts;
    private readonly BridgedHost _postgresHost;
    private readonly BridgedHost _gatewayHost;
    private PostgresServer? _postgres;

    private MultiHostCluster(BridgedNetwork network, BridgedHost postgresHost, List<BridgedHost> siloHosts, BridgedHost gatewayHost)
    {
        _network = network;
        _postgresHost = postgresHost;
        _siloHosts = siloHosts;
        _gatewayHost = gatewayHost;
    }

    public TestDatabase Database { get; private set; } = null!;

    public RunningSystem System { get; private set; } = null!;

    /// <summary>An operator key of the fleet the test's readings go to.</summary>
    public string OperatorKey { get; private set; } = string.Empty;

    public string Subnet => _network.Subnet;

    public BridgedHost SiloHost(int index) => _siloHosts[index];

    /// <summary>Skips the test (with the reason) where the kernel refuses to make namespaces or a bridge.</summary>
    public static async Task<MultiHostCluster> StartAsync(IReadOnlyDictionary<string, string> siloSettings)
    {
        Skip.IfNot(Environment.IsPrivilegedProcess, "Several hosts on one machine need network namespaces (ip netns), which need root.");
        var cluster = await CreateNetworkAsync();
        try
        {
            await cluster.StartProductAsync(siloSettings);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Cuts silo <paramref name="index"/>'s machine off the network (its processes keep running).</summary>
    public Task CutOffSiloAsync(int index) => BridgedNetwork.CutOffAsync(_siloHosts[index]);

    public async ValueTask DisposeAsync()
    {
        if (System is not null)
        {
            await System.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        await _network.DisposeAsync();
    }

    private static async Task<MultiHostCluster> CreateNetworkAsync()
    {
        BridgedNetwork? network = null;
        try
        {
            network = await BridgedNetwork.CreateAsync();
            var postgres = await network.AddHostAsync("pg");
            var silos = new List<BridgedHost>();
            for (var i = 0; i < SiloCount; i++)
            {
                silos.Add(await network.AddHostAsync($"silo{i}"));
            }

            return new MultiHostCluster(network, postgres, silos, await network.AddHostAsync("gw"));
        }
        catch (InvalidOperationException refused)
        {
            if (network is not null)
            {
                await network.DisposeAsync();
            }

            throw new SkipException($"The kernel refused a network namespace or bridge here, so several hosts cannot be simulated: {refused.Message.Trim()}");
        }
    }

    private async Task StartProductAsync(IReadOnlyDictionary<string, string> siloSettings)
    {
        _postgres = await PostgresServer.StartPrivateAsync(listener: new PostgresListener(_postgresHost.Address, _network.Subnet, _postgresHost.Launcher));
        Database = await TestDatabase.CreateAsync("multihost", _postgres.AdminConnectionString);
        var adminKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        System = await RunningSystem.StartAsync(Database.ConnectionString, new RunningSystemOptions
        {
            Silos = SiloCount,
            SiloHosts = i => _siloHosts[i].AsProcessHost(),
            GatewayHost = _gatewayHost.AsProcessHost(),
            Anonymous = false,
            SiloSettings = siloSettings,
            GatewaySettings = new Dictionary<string, string>
            {
                ["Auth__BootstrapAdminKey"] = adminKey,
                // The load is one key's; the default per-key limit would answer part of it 429.
                ["Auth__RateLimits__RequestsPerSecond"] = "100000",
                ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            },
        });
        OperatorKey = await CreateOperatorKeyAsync(adminKey);
    }

    private async Task<string> CreateOperatorKeyAsync(string adminKey)
    {
        var fleetId = $"multihost-{Guid.NewGuid():N}"[..24];
        using (var fleet = await AdminPostAsync(adminKey, "/v1/admin/fleets", $$"""{"fleetId":"{{fleetId}}","name":"multi-host fleet"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, fleet.StatusCode);
        }

        using var key = await AdminPostAsync(adminKey, $"/v1/admin/fleets/{fleetId}/keys", """{"role":"operator","name":"load"}""");
        Assert.Equal(HttpStatusCode.Created, key.StatusCode);
        return (string)(await Json.ReadAsync(key))["key"]!;
    }

    private async Task<HttpResponseMessage> AdminPostAsync(string adminKey, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = Json.Body(json) };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {adminKey}");
        return await System.Http.SendAsync(request);
    }
}
