using System.ComponentModel.DataAnnotations;
using EnergyActors.ServiceDefaults.Transport;

namespace EnergyActors.Silo;

/// <summary>
/// Identity, addresses and ports of this silo (configuration section <c>Orleans</c>). The advertised address and ports
/// are what other silos and gateways dial (written to the membership table); the listening ones are what this process
/// binds, and differ only behind NAT or a container's port mapping. <see cref="ClusterEndpoints.Resolve"/> checks them.
/// </summary>
public sealed class ClusterHostOptions
{
    public const string SectionName = "Orleans";

    [Required]
    public string ClusterId { get; set; } = "energy-local";

    [Required]
    public string ServiceId { get; set; } = "energyactors";

    /// <summary>Advertised silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Advertised port for Orleans clients (the HTTP gateways).</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos and clients use to reach this one: an IP address, or a host name resolved once at
    /// start-up to its first IPv4 address. Ignored when <see cref="AdvertisedInterface"/> is set.
    /// </summary>
    [Required]
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    /// <summary>A network interface (e.g. <c>eth0</c>) whose first IPv4 address is advertised; unset: <see cref="AdvertisedIP"/>.</summary>
    public string? AdvertisedInterface { get; set; }

    /// <summary>The address the silo binds both ports on; unset: the advertised one. <c>0.0.0.0</c> binds every interface.</summary>
    public string? ListenIP { get; set; }

    /// <summary>The silo-to-silo port bound locally; unset: <see cref="SiloPort"/>.</summary>
    public int? SiloListeningPort { get; set; }

    /// <summary>The client port bound locally; unset: <see cref="GatewayPort"/>.</summary>
    public int? GatewayListeningPort { get; set; }

    /// <summary>TLS on silo-to-silo and gateway-to-silo connections (<c>Orleans:Tls</c>); off unless configured.</summary>
    public ClusterTlsOptions Tls { get; set; } = new();
}
