using System.Reflection;
using System.Text.Json;
using EnergyActors.Gateway;
using EnergyActors.Gateway.Access;
using EnergyActors.Gateway.RateLimits;
using EnergyActors.Grains;
using EnergyActors.Grains.Sites;
using EnergyActors.ServiceDefaults.Operations;
using EnergyActors.ServiceDefaults.Transport;
using EnergyActors.Silo;
using EnergyActors.Silo.History;
using EnergyActors.Silo.Storage;
using EnergyActors.Silo.Weather;
using EnergyActors.Tests.Infrastructure;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// The configuration keys a silo or gateway reads: its appsettings.json, the properties of the options classes it binds
/// (by their section names), and the few keys read one by one. An environment variable of a deployment must name one
/// of these, so a typo or a renamed setting fails here rather than being ignored by a running cluster.
/// </summary>
public static class ConfigurationKeys
{
    /// <summary>Read by every host: the connection string, Kestrel's URLs, the management URLs, the host's stop timeout.</summary>
    private static readonly string[] Shared =
        [$"ConnectionStrings:{PostgresConnection.Name}", "Urls", ManagementUrls.SettingName, "shutdownTimeoutSeconds"];

    public static IReadOnlySet<string> Silo { get; } = Keys("Silo",
        [
            (ClusterHostOptions.SectionName, typeof(ClusterHostOptions)),
            ("Orleans:Membership", typeof(ClusterMembershipOptions)),
            (KubernetesHosting.SectionName, typeof(KubernetesHostingOptions)),
            (HistoryWriterOptions.SectionName, typeof(HistoryWriterOptions)),
            (HistoryPartitionOptions.SectionName, typeof(HistoryPartitionOptions)),
            (OpenMeteoOptions.SectionName, typeof(OpenMeteoOptions)),
            (SiteOptions.SectionName, typeof(SiteOptions)),
            (AnalyticsOptions.SectionName, typeof(AnalyticsOptions)),
        ],
        [KubernetesHosting.EnabledSetting,
            KubernetesHostingOptions.PodNameEnvironmentVariable,
            KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
            KubernetesHostingOptions.PodIPEnvironmentVariable]);

    public static IReadOnlySet<string> Gateway { get; } = Keys("Gateway",
        [
            ("Orleans", typeof(ClusterOptions)),
            (ClusterTlsOptions.SectionName, typeof(ClusterTlsOptions)),
            (AccessOptions.SectionName, typeof(AccessOptions)),
            (RateLimitOptions.SectionName, typeof(RateLimitOptions)),
            (ApiLimitsOptions.SectionName, typeof(ApiLimitsOptions)),
        ],
        []);

    /// <summary>The configuration key an environment variable sets ("Orleans__SiloPort" is "Orleans:SiloPort").</summary>
    public static string FromEnvironment(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    public static JsonElement AppSettings(string project)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", project, "appsettings.json")), options);
        return document.RootElement.Clone();
    }

    private static HashSet<string> Keys(string project, (string Section, Type Options)[] bound, string[] single)
    {
        var keys = new HashSet<string>([.. Shared, .. single], StringComparer.OrdinalIgnoreCase);
        Flatten(AppSettings(project), "", keys);
        foreach (var (section, options) in bound)
        {
            AddProperties(section, options, keys, depth: 0);
        }

        return keys;
    }

    private static void Flatten(JsonElement element, string prefix, HashSet<string> keys)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            keys.Add(prefix);
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", keys);
        }
    }

    private static void AddProperties(string section, Type options, HashSet<string> keys, int depth)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || p.PropertyType.IsClass))
        {
            var key = $"{section}:{property.Name}";
            keys.Add(key);
            var type = property.PropertyType;
            if (depth < 2 && type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("EnergyActors", StringComparison.Ordinal) == true)
            {
                AddProperties(key, type, keys, depth + 1);
            }
        }
    }
}
