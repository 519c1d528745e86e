namespace EnergyActors.Silo;

/// <summary>
/// Orleans' Kubernetes hosting (Microsoft.Orleans.Hosting.Kubernetes), switched on by <c>Orleans:Kubernetes:Enabled</c>
/// (deploy/kubernetes sets it; local runs, compose and systemd leave it off, because the package needs the Kubernetes
/// API). It takes the silo's name from POD_NAME, labels the pod orleans/clusterId and orleans/serviceId, and declares
/// a silo dead as soon as its pod is deleted instead of waiting for missed probes. Membership stays in PostgreSQL.
/// </summary>
public static class KubernetesHosting
{
    public const string SectionName = "Orleans:Kubernetes";
    public const string EnabledSetting = SectionName + ":Enabled";

    /// <summary>
    /// Adds the hosting package when enabled. <c>Orleans:Kubernetes:MaxAgents</c>, <c>MaxKubernetesApiRetryAttempts</c>
    /// and <c>DeleteDefunctSiloPods</c> bind to its options. The advertised address stays <c>Orleans:AdvertisedIP</c>
    /// (the manifest sets it to the pod IP); with no listening address configured the silo listens on every interface.
    /// </summary>
    public static ISiloBuilder UseEnergyActorsKubernetesHosting(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue<bool>(EnabledSetting))
        {
            return silo;
        }

        return silo.UseKubernetesHosting(options => options.Bind(configuration.GetSection(SectionName)));
    }
}
