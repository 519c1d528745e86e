using System.ComponentModel.DataAnnotations;
using EnergyActors.ServiceDefaults.Transport;

namespace EnergyActors.Silo;

/// <summary>Identity and ports of this silo (configuration section <c>Orleans</c>), so several silos share one host.</summary>
public sealed class ClusterHostOptions
{
    public const string SectionName = "Orleans";

    [Required]
    public string ClusterId { get; set; } = "energy-local";

    [Required]
    public string ServiceId { get; set; } = "energyactors";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients use to reach this one.</summary>
    [Required]
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    /// <summary>TLS on silo-to-silo and gateway-to-silo connections (<c>Orleans:Tls</c>); off unless configured.</summary>
    public ClusterTlsOptions Tls { get; set; } = new();
}
