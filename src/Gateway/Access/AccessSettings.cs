using System.Net;
using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// The settings of the <c>Auth</c> section a gateway must refuse to start with: a malformed anonymous fleet or
/// configured admin key, and anonymous local mode on an address that is not loopback, where anyone who reaches the
/// port would act as an operator.
/// </summary>
public static class AccessSettings
{
    public const int MinConfiguredKeyLength = 32;

    /// <summary>Why the gateway must not start with <paramref name="configuration"/>; null when it may.</summary>
    public static string? RefusalToStart(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AccessOptions.SectionName);
        var key = section[nameof(AccessOptions.BootstrapAdminKey)];
        if (!string.IsNullOrEmpty(key) && !IsUsableConfiguredKey(key))
        {
            return $"Auth:BootstrapAdminKey must be {MinConfiguredKeyLength} to {ApiKeyText.MaxPresentedLength} visible ASCII characters "
                + "(e.g. 64 hex digits from 'openssl rand -hex 32'); refusing to start with a weaker admin key.";
        }

        var fleet = section[nameof(AccessOptions.AnonymousFleet)];
        if (string.IsNullOrEmpty(fleet))
        {
            return null;
        }

        if (!DeviceId.IsValid(fleet))
        {
            return $"Auth:AnonymousFleet must be a fleet id: 1 to {DeviceId.MaxLength} characters from [A-Za-z0-9._:-].";
        }

        var exposed = ConfiguredAddresses(configuration).Where(a => !IsLoopback(a)).ToList();
        return exposed.Count == 0 ? null : NotLoopback(fleet, exposed);
    }

    /// <summary>The refusal for anonymous mode while listening on <paramref name="exposed"/>.</summary>
    public static string NotLoopback(string fleet, IEnumerable<string> exposed) =>
        $"Refusing to start: anonymous local mode (Auth:AnonymousFleet={fleet}) lets requests without an API key act as an operator, "
        + $"so it is honoured only while every HTTP endpoint listens on loopback, and {string.Join(", ", exposed)} is not loopback. "
        + "Listen on 127.0.0.1, [::1] or localhost only, or remove Auth:AnonymousFleet and use API keys.";

    /// <summary>
    /// The addresses the configuration tells Kestrel to listen on: the urls setting (--urls, ASPNETCORE_URLS), the port
    /// settings (which listen on every interface), Kestrel's own endpoints, and the management URLs.
    /// </summary>
    public static IEnumerable<string> ConfiguredAddresses(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var url in Split(configuration["urls"]))
        {
            yield return url;
        }

        foreach (var (setting, scheme) in new[] { ("http_ports", "http"), ("https_ports", "https") })
        {
            foreach (var port in Split(configuration[setting]))
            {
                yield return $"{scheme}://*:{port}";
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }

        foreach (var url in Split(configuration["Operations:ManagementUrls"]))
        {
            yield return url;
        }
    }

    /// <summary>
    /// Whether a listening address (as configured, or as Kestrel reports it) accepts loopback connections only:
    /// localhost or a loopback IP. A wildcard (*, +, 0.0.0.0, [::]) or a host name listens on every interface.
    /// </summary>
    public static bool IsLoopback(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var start = address.IndexOf("://", StringComparison.Ordinal);
        var host = start < 0 ? address : address[(start + 3)..];
        var end = host.StartsWith('[') ? host.IndexOf(']', StringComparison.Ordinal) + 1 : host.IndexOfAny([':', '/']);
        host = end <= 0 ? host : host[..end];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private static bool IsUsableConfiguredKey(string key) =>
        key.Length is >= MinConfiguredKeyLength and <= ApiKeyText.MaxPresentedLength && key.All(c => c is > ' ' and <= '~');

    private static string[] Split(string? list) =>
        list?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
