using System.Collections;
using System.Reflection;
using System.Text.Json;
using EnergyActors.Gateway.Access;
using EnergyActors.Grains;
using EnergyActors.ServiceDefaults.Operations;
using EnergyActors.Silo;
using EnergyActors.Silo.Storage;
using EnergyActors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// Every configuration key the silo or the gateway reads, gathered from what the code itself declares (the keys of
/// its appsettings.json, the properties of each options class under its <c>SectionName</c>, the Orleans options bound
/// to a section, and the few keys read one by one), so deploy files checked against it cannot name a key that does
/// not exist: a typo or a renamed setting fails here rather than being ignored by a running cluster.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>Read by name rather than through an options class: the connection string, Kestrel's URLs, the management URLs, the host's stop timeout.</summary>
    private static readonly string[] ReadByName =
    [
        $"ConnectionStrings:{PostgresConnection.Name}",
        "Urls",
        "shutdownTimeoutSeconds",
        ManagementUrls.SettingName,
        "OTEL_EXPORTER_OTLP_ENDPOINT",
    ];

    public static IReadOnlySet<string> Silo { get; } = Gather(
        "Silo",
        [typeof(ClusterHostOptions).Assembly, typeof(AnalyticsOptions).Assembly, typeof(ManagementUrls).Assembly],
        [("Orleans:Membership", typeof(ClusterMembershipOptions)), (KubernetesHosting.SectionName, typeof(KubernetesHostingOptions))],
        [
            KubernetesHosting.EnabledSetting,
            KubernetesHostingOptions.PodNameEnvironmentVariable,
            KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
            KubernetesHostingOptions.PodIPEnvironmentVariable,
        ]);

    public static IReadOnlySet<string> Gateway { get; } = Gather(
        "Gateway", [typeof(AccessOptions).Assembly, typeof(ManagementUrls).Assembly], [("Orleans", typeof(ClusterOptions))], []);

    /// <summary>
    /// The key an environment variable sets, as ASP.NET Core reads it: the ASPNETCORE_ and DOTNET_ prefixes dropped,
    /// "__" for ":" ("Orleans__SiloPort" is "Orleans:SiloPort").
    /// </summary>
    public static string FromEnvironment(string name)
    {
        foreach (var prefix in new[] { "ASPNETCORE_", "DOTNET_" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
                break;
            }
        }

        return name.Replace("__", ":", StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="key"/> is one of <paramref name="known"/>, an element of a list key (":0") included.</summary>
    public static bool IsKnown(IReadOnlySet<string> known, string key)
    {
        var segments = key.Split(':');
        var length = segments.Length;
        while (length > 1 && int.TryParse(segments[length - 1], out _))
        {
            length--;
        }

        return known.Contains(string.Join(':', segments[..length]));
    }

    public static JsonElement AppSettings(string project)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var document = JsonDocument.Parse(File.ReadAllText(AppSettingsPath(project)), options);
        return document.RootElement.Clone();
    }

    private static string AppSettingsPath(string project) => Path.Combine(RepositoryPaths.Root, "src", project, "appsettings.json");

    private static HashSet<string> Gather(string project, Assembly[] assemblies, (string Section, Type Options)[] bound, string[] single)
    {
        var keys = new HashSet<string>([.. ReadByName, .. single], StringComparer.OrdinalIgnoreCase);
        var appsettings = new ConfigurationBuilder().AddJsonFile(AppSettingsPath(project)).Build();
        foreach (var (key, value) in appsettings.AsEnumerable())
        {
            if (value is not null)
            {
                keys.Add(key);
            }
        }

        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field)
            {
                AddProperties(keys, (string)field.GetRawConstantValue()!, type);
            }
        }

        foreach (var (section, options) in bound)
        {
            AddProperties(keys, section, options);
        }

        return keys;
    }

    /// <summary>Public settable properties as keys, nested options of our own classes as sections of their own.</summary>
    private static void AddProperties(HashSet<string> keys, string section, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var key = $"{section}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var nested = propertyType.IsClass && propertyType != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(propertyType)
                && propertyType.Namespace?.StartsWith("EnergyActors", StringComparison.Ordinal) == true;
            if (nested)
            {
                AddProperties(keys, key, propertyType);
            }
            else
            {
                keys.Add(key);
            }
        }
    }
}
