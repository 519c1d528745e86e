using System.Collections;
using System.Reflection;
using EnergyActors.Gateway.Access;
using EnergyActors.Grains;
using EnergyActors.ServiceDefaults.Operations;
using EnergyActors.Silo;
using EnergyActors.Silo.Storage;
using EnergyActors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// Every configuration key the silo or the gateway reads, gathered from what the code itself declares (the keys of
/// its appsettings.json and the properties of each options class under its <c>SectionName</c>), so deploy files
/// checked against it cannot name a key that does not exist.
/// </summary>
internal static class ConfigurationKeys
{
    /// <summary>Read by name rather than through an options class.</summary>
    private static readonly string[] ReadByName =
    [
        $"ConnectionStrings:{PostgresConnection.Name}",
        ManagementUrls.SettingName,
        "OTEL_EXPORTER_OTLP_ENDPOINT",
    ];

    public static IReadOnlySet<string> Silo { get; } = Gather(
        "Silo", typeof(ClusterHostOptions).Assembly, typeof(AnalyticsOptions).Assembly, typeof(ManagementUrls).Assembly);

    public static IReadOnlySet<string> Gateway { get; } = Gather(
        "Gateway", typeof(AccessOptions).Assembly, typeof(ManagementUrls).Assembly);

    /// <summary>
    /// The key an environment variable sets, as ASP.NET Core reads it: the ASPNETCORE_ and DOTNET_ prefixes dropped,
    /// "__" for ":".
    /// </summary>
    public static string FromEnvironmentVariable(string name)
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

    private static HashSet<string> Gather(string project, params Assembly[] assemblies)
    {
        var keys = new HashSet<string>(ReadByName, StringComparer.OrdinalIgnoreCase);
        var appsettings = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryPaths.Root, "src", project, "appsettings.json")).Build();
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

        return keys;
    }

    private static void AddProperties(HashSet<string> keys, string section, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var key = $"{section}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsClass && propertyType != typeof(string) && propertyType != typeof(Uri) && !typeof(IEnumerable).IsAssignableFrom(propertyType))
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
