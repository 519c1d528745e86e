using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// Another machine on a private link, made of a Linux network namespace and a veth pair: our end and the namespace's end
/// get addresses in 10.200.0.0/16, so what the namespace sends reaches our listeners from a non-loopback address, as a
/// caller on the network would. Making one needs root; dispose removes it (and the pair) whatever happened in between.
/// </summary>
public sealed class NetworkNamespace : IAsyncDisposable
{
    // Sends one request from inside the namespace and prints the status line: bash's /dev/tcp needs nothing installed.
    private const string RequestScript = """
        exec 3<>"/dev/tcp/$1/$2" || exit 7
        printf '%s %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\nContent-Length: 0\r\n\r\n' "$3" "$4" "$1" "$2" >&3
        IFS= read -r status <&3 || exit 8
        printf '%s\n' "$status"
        """;

    private NetworkNamespace(string name, IPAddress hostAddress, IPAddress peerAddress)
    {
        Name = name;
        HostAddress = hostAddress;
        PeerAddress = peerAddress;
    }

    public static bool CanCreate => Environment.IsPrivilegedProcess;

    public string Name { get; }

    /// <summary>Our end of the link: listen here to be reached from the namespace.</summary>
    public IPAddress HostAddress { get; }

    /// <summary>The namespace's end: the address our listeners see its requests come from.</summary>
    public IPAddress PeerAddress { get; }

    private string HostLink => $"{Name}h";

    private string PeerLink => $"{Name}p";

    public static async Task<NetworkNamespace> CreateAsync()
    {
        // Random names and a random /30, so runs side by side (another worktree's tests) never collide.
        var third = RandomNumberGenerator.GetInt32(1, 255);
        var block = RandomNumberGenerator.GetInt32(0, 64) * 4;
        var network = new NetworkNamespace(
            $"ea-{Guid.NewGuid():N}"[..9],
            IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"10.200.{third}.{block + 1}")),
            IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"10.200.{third}.{block + 2}")));
        try
        {
            await Ip("netns", "add", network.Name);
            await Ip("link", "add", network.HostLink, "type", "veth", "peer", "name", network.PeerLink);
            await Ip("link", "set", network.PeerLink, "netns", network.Name);
            await Ip("addr", "add", $"{network.HostAddress}/30", "dev", network.HostLink);
            await Ip("link", "set", network.HostLink, "up");
            await Ip("netns", "exec", network.Name, "ip", "addr", "add", $"{network.PeerAddress}/30", "dev", network.PeerLink);
            await Ip("netns", "exec", network.Name, "ip", "link", "set", network.PeerLink, "up");
            await Ip("netns", "exec", network.Name, "ip", "link", "set", "lo", "up");
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>The status code a <paramref name="method"/> request for <paramref name="url"/> gets when sent from inside the namespace.</summary>
    public async Task<int> StatusFromPeerAsync(string method, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var output = await ShellCommand.RunAsync(
            "ip",
            ["netns", "exec", Name, "timeout", "15", "bash", "-c", RequestScript, "peer-request", url.Host, url.Port.ToString(CultureInfo.InvariantCulture), method, url.PathAndQuery],
            TimeSpan.FromSeconds(30));
        var parts = output.Trim().Split(' ');
        return parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : throw new InvalidOperationException($"No HTTP status line from {method} {url}: '{output}'");
    }

    public async ValueTask DisposeAsync()
    {
        // Deleting the namespace destroys the end inside it, and a veth pair dies with either end; the second delete
        // covers a failure before the end was moved in. Either may find nothing left to delete.
        foreach (var command in new[] { new[] { "netns", "delete", Name }, ["link", "delete", HostLink] })
        {
            try
            {
                await Ip(command);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    private static Task<string> Ip(params string[] arguments) => ShellCommand.RunAsync("ip", arguments, TimeSpan.FromSeconds(30));
}
