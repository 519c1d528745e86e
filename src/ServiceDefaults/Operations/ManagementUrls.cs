using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace EnergyActors.ServiceDefaults.Operations;

/// <summary>
/// The management URLs (<c>Operations:ManagementUrls</c>, separated by ';' as <c>Urls</c> is): listeners of their own that
/// serve the operations endpoints to any caller and nothing else. A connection is told to be on one by the port it
/// arrived on, so a management URL never shares its port with a public one.
/// </summary>
public sealed class ManagementUrls
{
    public const string SettingName = "Operations:ManagementUrls";

    private readonly HashSet<int> _ports;

    private ManagementUrls(IReadOnlyList<string> urls, HashSet<int> ports)
    {
        Urls = urls;
        _ports = ports;
    }

    public static ManagementUrls None { get; } = new([], []);

    public IReadOnlyList<string> Urls { get; }

    /// <summary>Whether a connection that arrived on <paramref name="localPort"/> came in through a management URL.</summary>
    public bool Contains(int localPort) => _ports.Count > 0 && _ports.Contains(localPort);

    /// <summary>The management URLs <paramref name="written"/> names, checked against the host's public URLs.</summary>
    /// <exception cref="InvalidOperationException">A URL is not an http(s) URL with a fixed port, or its port is also a public one.</exception>
    public static ManagementUrls Parse(string? written, IEnumerable<string> publicUrls)
    {
        ArgumentNullException.ThrowIfNull(publicUrls);
        var urls = (written ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            return None;
        }

        var ports = new HashSet<int>();
        foreach (var url in urls)
        {
            var address = Address(url);
            if (!ToldApartByPort(address))
            {
                throw new InvalidOperationException(
                    $"{SettingName}: '{url}' is not a URL a management listener can be told apart by: use http(s)://address:port with a fixed port and no path.");
            }

            ports.Add(address.Port);
        }

        foreach (var url in publicUrls)
        {
            if (Address(url) is { IsUnixPipe: false } address && ports.Contains(address.Port))
            {
                throw new InvalidOperationException(
                    $"{SettingName}: port {address.Port} is also served by the public URL '{url}'; management URLs need ports of their own.");
            }
        }

        return new ManagementUrls(urls, ports);
    }

    private static bool ToldApartByPort([NotNullWhen(true)] BindingAddress? address) =>
        address is { IsUnixPipe: false, Port: > 0, PathBase.Length: 0 }
        && (address.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || address.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase));

    private static BindingAddress? Address(string url)
    {
        try
        {
            return BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
