using System.Globalization;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// The product as it runs: N silo processes and one gateway process on 127.0.0.1, clustered
/// through PostgreSQL, reached over real HTTP.
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _connectionString;
    private readonly string _clusterId = $"test-{Guid.NewGuid():N}"[..16];
    private readonly IReadOnlyDictionary<string, string> _extraSiloSettings;
    private readonly IReadOnlyDictionary<string, string> _extraGatewaySettings;
    private readonly List<(ChildProcess Process, int HttpPort, int SiloPort, int GatewayPort)> _silos = [];
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private ChildProcess? _gateway;

    private RunningSystem(string connectionString, IReadOnlyDictionary<string, string>? extraSiloSettings, IReadOnlyDictionary<string, string>? extraGatewaySettings)
    {
        _connectionString = connectionString;
        _extraSiloSettings = extraSiloSettings ?? new Dictionary<string, string>();
        _extraGatewaySettings = extraGatewaySettings ?? new Dictionary<string, string>();
    }

    public HttpClient Http { get; private set; } = null!;

    public Uri GatewayAddress { get; private set; } = null!;

    public int SiloCount => _silos.Count;

    public static async Task<RunningSystem> StartAsync(
        string connectionString,
        int silos = 1,
        IReadOnlyDictionary<string, string>? extraSiloSettings = null,
        IReadOnlyDictionary<string, string>? extraGatewaySettings = null)
    {
        var system = new RunningSystem(connectionString, extraSiloSettings, extraGatewaySettings);
        try
        {
            for (var i = 0; i < silos; i++)
            {
                system._silos.Add((null!, FreePort.Next(), FreePort.Next(), FreePort.Next()));
                await system.StartSiloAsync(i);
            }

            await system.StartGatewayAsync();
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

    public ChildProcess Gateway => _gateway!;

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
        Http?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
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

    private async Task StartGatewayAsync()
    {
        var port = FreePort.Next();
        GatewayAddress = new Uri($"http://127.0.0.1:{port}");
        var settings = CommonSettings();
        foreach (var (key, value) in _extraGatewaySettings)
        {
            settings[key] = value;
        }

        _gateway = new ChildProcess("gateway", RepositoryPaths.GatewayDll, settings, "--urls", GatewayAddress.ToString());
        _gateway.Start();
        await _gateway.WaitUntilHealthyAsync(_probe, new Uri(GatewayAddress, "/health/ready").ToString(), StartTimeout);
        Http = new HttpClient { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    private Dictionary<string, string> CommonSettings() => new()
    {
        ["ConnectionStrings__Postgres"] = _connectionString,
        ["Orleans__ClusterId"] = _clusterId,
        ["Orleans__ServiceId"] = "energyactors-tests",
    };
}
