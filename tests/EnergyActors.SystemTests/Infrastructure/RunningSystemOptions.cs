namespace EnergyActors.Tests.Infrastructure;

/// <summary>How a <see cref="RunningSystem"/> is started beyond its defaults (one silo, one gateway in anonymous local mode, plain HTTP on 127.0.0.1).</summary>
public sealed record RunningSystemOptions
{
    public int Silos { get; init; } = 1;

    /// <summary>Gateways started together on the same cluster.</summary>
    public int Gateways { get; init; } = 1;

    /// <summary>Anonymous local mode (the default, as run.sh starts it); false: every request needs an API key.</summary>
    public bool Anonymous { get; init; } = true;

    /// <summary>Settings (environment variables) of every silo, over the common ones.</summary>
    public IReadOnlyDictionary<string, string> SiloSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings (environment variables) of every gateway, over the common ones.</summary>
    public IReadOnlyDictionary<string, string> GatewaySettings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// When set, the gateway and the silos' HTTP endpoints listen on https with this certificate (Kestrel's default
    /// certificate, from PEM files, as an operator configures it), and the test's clients trust <see cref="HttpsAuthority"/>.
    /// </summary>
    public IssuedCertificate? Https { get; init; }

    public TestCertificateAuthority? HttpsAuthority { get; init; }

    /// <summary>URLs the gateway listens on besides its own on 127.0.0.1 (e.g. on another interface).</summary>
    public IReadOnlyList<string> ExtraGatewayUrls { get; init; } = [];

    /// <summary>URLs silo <c>i</c> listens on besides its own on 127.0.0.1.</summary>
    public Func<int, IReadOnlyList<string>> ExtraSiloUrls { get; init; } = _ => [];

    /// <summary>The machine silo <c>i</c> runs on (its address is also the one it advertises); this one's loopback by default.</summary>
    public Func<int, ProcessHost> SiloHosts { get; init; } = _ => ProcessHost.Loopback;

    /// <summary>The machine the gateways run on; anonymous mode needs loopback, elsewhere they take keys.</summary>
    public ProcessHost GatewayHost { get; init; } = ProcessHost.Loopback;
}
