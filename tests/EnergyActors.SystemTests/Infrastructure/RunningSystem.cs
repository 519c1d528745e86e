using System.Globalization;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// The product as it runs: N silo processes and one or more gateway processes on 127.0.0.1 (or on machines of
/// their own, <see cref="RunningSystemOptions.SiloHosts"/>), clustered
/// through PostgreSQL, reached over real HTTP. Gateways run in anonymous local mode (requests without a key act
/// as an operator of fleet <see cref="AnonymousFleet"/>) unless a test asks for keys.
/// </summary>
public sealed class RunningSystem : IAsyncDisposable
{
    public const string AnonymousFleet = "default";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _connectionString;
    private readonly string _clusterId = $"test-{Guid.NewGuid():N}"[..16];
    private readonly RunningSystemOptions _options;
    private readonly List<(ChildProcess Process, int HttpPort, int SiloPort, int GatewayPort)> _silos = [];
    private readonly List<(ChildProcess Process, Uri Address, HttpClient Http)> _gateways = [];
    private readonly HttpClient _probe;

    private RunningSystem(string connectionString, RunningSystemOptions options)
    {
        _connectionString = connectionString;
        _options = options;
        _probe = NewClient(TimeSpan.FromSeconds(5));
    }

    /// <summary>The first gateway's client.</summary>
    public HttpClient Http => _gateways[0].Http;

    /// <summary>The first gateway's address.</summary>
    public Uri GatewayAddress => _gateways[0].Address;

    public int SiloCount => _silos.Count;

    public int GatewayCount => _gateways.Count;

    /// <summary>The gateway's and silos' scheme: https when <see cref="RunningSystemOptions.Https"/> is set.</summary>
    public string Scheme => _options.Https is null ? "http" : "https";

    /// <summary>
    /// Starts <paramref name="silos"/> silos, then <paramref name="gateways"/> gateways together on the same cluster, in
    /// anonymous local mode unless <paramref name="anonymous"/> is false (then every request needs an API key).
    /// </summary>
    public static Task<RunningSystem> StartAsync(
        string connectionString,
        int silos = 1,
        IReadOnlyDictionary<string, string>? extraSiloSettings = null,
        IReadOnlyDictionary<string, string>? extraGatewaySettings = null,
        bool anonymous = true,
        int gateways = 1) =>
        StartAsync(connectionString, new RunningSystemOptions
        {
            Silos = silos,
            SiloSettings = extraSiloSettings ?? new Dictionary<string, string>(),
            GatewaySettings = extraGatewaySettings ?? new Dictionary<string, string>(),
            Anonymous = anonymous,
            Gateways = gateways,
        });

    public static async Task<RunningSystem> StartAsync(string connectionString, RunningSystemOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var system = new RunningSystem(connectionString, options);
        try
        {
            for (var i = 0; i < options.Silos; i++)
            {
                system._silos.Add((null!, FreePort.Next(), FreePort.Next(), FreePort.Next()));
                await system.StartSiloAsync(i);
            }

            await system.StartGatewaysAsync();
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
    public Uri SiloAddress(int index) => new($"{Scheme}://{_options.SiloHosts(index).Address}:{_silos[index].HttpPort}");

    /// <summary>Where silo <paramref name="index"/> takes Orleans clients (its gateway port).</summary>
    public int SiloGatewayPort(int index) => _silos[index].GatewayPort;

    public string ClusterId => _clusterId;

    /// <summary>A client for the gateway or a silo's HTTP endpoint that trusts the test's HTTPS certificate when there is one.</summary>
    public HttpClient NewClient(TimeSpan timeout) =>
        _options.HttpsAuthority is { } authority ? new HttpClient(authority.TrustingHandler()) { Timeout = timeout } : new HttpClient { Timeout = timeout };

    /// <summary>
    /// Starts one more silo of this cluster on ports of its own with <paramref name="settings"/> over the common ones (not the
    /// other silos' settings) and does not wait for it: whether it may join is what the caller wants to see.
    /// </summary>
    public ChildProcess LaunchSilo(string name, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var environment = CommonSettings();
        environment["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        environment["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var silo = new ChildProcess(name, RepositoryPaths.SiloDll, environment, "--urls", $"http://127.0.0.1:{FreePort.Next()}");
        silo.Start();
        return silo;
    }

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
        foreach (var (key, value) in _options.SiloSettings)
        {
            settings[key] = value;
        }

        var host = _options.SiloHosts(index);
        host.AddSettings(settings, SiloAddress(index), silo: true);
        var urls = string.Join(';', [SiloAddress(index).ToString().TrimEnd('/'), .. _options.ExtraSiloUrls(index)]);
        var silo = new ChildProcess($"silo{index}", RepositoryPaths.SiloDll, settings, "--urls", urls) { Launcher = host.Launcher };
        _silos[index] = (silo, httpPort, siloPort, gatewayPort);
        silo.Start();
        await silo.WaitUntilHealthyAsync(_probe, new Uri(host.HealthAddress(SiloAddress(index)), "/health/ready").ToString(), StartTimeout);
    }

    private async Task StartGatewaysAsync()
    {
        var settings = CommonSettings();
        if (_options.Anonymous)
        {
            settings["Auth__AnonymousFleet"] = AnonymousFleet;
        }

        foreach (var (key, value) in _options.GatewaySettings)
        {
            settings[key] = value;
        }

        var host = _options.GatewayHost;
        for (var i = 0; i < _options.Gateways; i++)
        {
            var address = new Uri($"{Scheme}://{host.Address}:{FreePort.Next()}");
            var urls = string.Join(';', [address.ToString().TrimEnd('/'), .. _options.ExtraGatewayUrls]);
            var placed = new Dictionary<string, string>(settings);
            host.AddSettings(placed, address, silo: false);
            var process = new ChildProcess(_options.Gateways == 1 ? "gateway" : $"gateway{i}", RepositoryPaths.GatewayDll, placed, "--urls", urls)
            {
                Launcher = host.Launcher,
            };
            var http = NewClient(TimeSpan.FromSeconds(60));
            http.BaseAddress = address;
            _gateways.Add((process, address, http));
            process.Start();
        }

        foreach (var (process, address, _) in _gateways)
        {
            await process.WaitUntilHealthyAsync(_probe, new Uri(host.HealthAddress(address), "/health/ready").ToString(), StartTimeout);
        }
    }

    private Dictionary<string, string> CommonSettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = _connectionString,
            ["Orleans__ClusterId"] = _clusterId,
            ["Orleans__ServiceId"] = "energyactors-tests",
        };
        if (_options.Https is { } https)
        {
            // Kestrel's own settings, as the README tells an operator: every https URL then uses this certificate.
            settings["Kestrel__Certificates__Default__Path"] = https.CertificatePath;
            settings["Kestrel__Certificates__Default__KeyPath"] = https.KeyPath;
        }

        return settings;
    }
}
