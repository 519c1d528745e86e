using System.Globalization;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// The product as it runs: N silo processes and one or more gateway processes on 127.0.0.1, clustered
/// through PostgreSQL, reached over real HTTP. Gateways run in anonymous local mode (requests without a key act
/// as an operator of fleet <see cref="AnonymousFleet"/>) unless a test asks for keys.
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    public const string AnonymousFleet = "default";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _connectionString;
    private readonly string _clusterId = $"test-{Guid.NewGuid():N}"[..16];
    private readonly IReadOnlyDictionary<string, string> _extraSiloSettings;
    private readonly IReadOnlyDictionary<string, string> _extraGatewaySettings;
    private readonly List<(ChildProcess Process, int HttpPort, int SiloPort, int GatewayPort)> _silos = [];
    private readonly List<(ChildProcess Process, Uri Address, HttpClient Http)> _gateways = [];
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    private RunningSystem(
        string connectionString, IReadOnlyDictionary<string, string>? extraSiloSettings, IReadOnlyDictionary<string, string>? extraGatewaySettings, bool anonymous)
    {
        _connectionString = connectionString;
        _extraSiloSettings = extraSiloSettings ?? new Dictionary<string, string>();
        var gatewaySettings = new Dictionary<string, string>();
        if (anonymous)
        {
            gatewaySettings["Auth__AnonymousFleet"] = AnonymousFleet;
        }

        foreach (var (key, value) in extraGatewaySettings ?? new Dictionary<string, string>())
        {
            gatewaySettings[key] = value;
        }

        _extraGatewaySettings = gatewaySettings;
    }

    /// <summary>The first gateway's client.</summary>
    public HttpClient Http => _gateways[0].Http;

    /// <summary>The first gateway's address.</summary>
    public Uri GatewayAddress => _gateways[0].Address;

    public int SiloCount => _silos.Count;

    public int GatewayCount => _gateways.Count;

    /// <summary>
    /// Starts <paramref name="silos"/> silos, then <paramref name="gateways"/> gateways together on the same cluster, in
    /// anonymous local mode unless <paramref name="anonymous"/> is false (then every request needs an API key).
    /// </summary>
    public static async Task<RunningSystem> StartAsync(
        string connectionString,
        int silos = 1,
        IReadOnlyDictionary<string, string>? extraSiloSettings = null,
        IReadOnlyDictionary<string, string>? extraGatewaySettings = null,
        bool anonymous = true,
        int gateways = 1)
    {
        var system = new RunningSystem(connectionString, extraSiloSettings, extraGatewaySettings, anonymous);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                system._silos.Add((null!, FreePort.Next(), FreePort.Next(), FreePort.Next()));
                await system.StartSiloAsync(i);
            }

            await system.StartGatewaysAsync(gateways);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public ChildProcess Silo(int index) => _silos[index].Process;

    /// <summary>Silo <paramref name="index"/>'s own HTTP endpoint (health and metrics).</summary>
    public Uri SiloAddress(int index) => new($"http://127.0.0.1:{_silos[index].HttpPort}");

    /// <summary>The first gateway's process.</summary>
    public ChildProcess Gateway => _gateways[0].Process;

    public ChildProcess GatewayProcess(int index) => _gateways[index].Process;

    public Uri GatewayAddressOf(int index) => _gateways[index].Address;

    public HttpClient HttpOf(int index) => _gateways[index].Http;

    /// <summary>Restarts silo <paramref name="index"/> on its own ports: gracefully (SIGTERM), or after a SIGKILL when <paramref name="crash"/>.</summary>
    public async Task RestartSiloAsync(int index, bool crash = false)
    {
        if (crash)
        {
            _silos[index].Process.Kill();
        }
        else
        {
            await _silos[index].Process.StopAsync(TimeSpan.FromSeconds(30));
        }

        await _silos[index].Process.DisposeAsync();
        await StartSiloAsync(index);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            gateway.Http.Dispose();
            await gateway.Process.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            if (silo.Process is not null)
            {
                await silo.Process.DisposeAsync();
            }
        }

        _probe.Dispose();
    }

    private async Task StartSiloAsync(int index)
    {
        var (_, httpPort, siloPort, gatewayPort) = _silos[index];
        var settings = new Dictionary<string, string>(CommonSettings())
        {
            ["Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in _extraSiloSettings)
        {
            settings[key] = value;
        }

        var silo = new ChildProcess($"silo{index}", RepositoryPaths.SiloDll, settings, "--urls", $"http://127.0.0.1:{httpPort}");
        _silos[index] = (silo, httpPort, siloPort, gatewayPort);
        silo.Start();
        await silo.WaitUntilHealthyAsync(_probe, $"http://127.0.0.1:{httpPort}/health/ready", StartTimeout);
    }

    private async Task StartGatewaysAsync(int count)
    {
        var settings = CommonSettings();
        foreach (var (key, value) in _extraGatewaySettings)
        {
            settings[key] = value;
        }

        for (var i = 0; i < count; i++)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            var process = new ChildProcess(count == 1 ? "gateway" : $"gateway{i}", RepositoryPaths.GatewayDll, settings, "--urls", address.ToString());
            _gateways.Add((process, address, new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) }));
            process.Start();
        }

        foreach (var (process, address, _) in _gateways)
        {
            await process.WaitUntilHealthyAsync(_probe, new Uri(address, "/health/ready").ToString(), StartTimeout);
        }
    }

    private Dictionary<string, string> CommonSettings() => new()
    {
        ["ConnectionStrings__Postgres"] = _connectionString,
        ["Orleans__ClusterId"] = _clusterId,
        ["Orleans__ServiceId"] = "energyactors-tests",
    };
}
