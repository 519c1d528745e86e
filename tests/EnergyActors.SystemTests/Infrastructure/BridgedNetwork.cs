using System.Globalization;
using System.Security.Cryptography;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// Several machines on one LAN, made of Linux network namespaces: a bridge in our namespace with an address of its
/// own (so the test reaches every machine), and one namespace per machine joined to it by a veth pair, each with an
/// address in a random private /24 of 10.201.0.0/16 that exists only on this bridge. Dispose removes the namespaces,
/// the links and the bridge whatever happened in between; processes started in a namespace are the caller's to end.
/// </summary>
public sealed class BridgedNetwork : IAsyncDisposable
{
    private readonly string _id;
    private readonly int _subnet;
    private readonly List<BridgedHost> _hosts = [];

    private BridgedNetwork(string id, int subnet)
    {
        _id = id;
        _subnet = subnet;
    }

    /// <summary>The subnet, e.g. 10.201.37.0/24, for a server that lets the machines in (pg_hba).</summary>
    public string Subnet => string.Create(CultureInfo.InvariantCulture, $"10.201.{_subnet}.0/24");

    /// <summary>Our own address on the bridge: the test's requests to the machines come from here.</summary>
    public string BridgeAddress => Address(1);

    private string Bridge => $"{_id}br";

    /// <summary>A bridge on a free /24 with names unique to this run, so leftover or parallel runs never collide.</summary>
    /// <exception cref="InvalidOperationException">The kernel refused (not root, no bridge or namespace support).</exception>
    public static async Task<BridgedNetwork> CreateAsync()
    {
        var id = $"ea{RandomNumberGenerator.GetHexString(6, lowercase: true)}";
        var network = new BridgedNetwork(id, await FreeSubnetAsync());
        try
        {
            await Ip("link", "add", network.Bridge, "type", "bridge");
            await Ip("addr", "add", $"{network.BridgeAddress}/24", "dev", network.Bridge);
            await Ip("link", "set", network.Bridge, "up");
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>One more machine: namespace <c>{id}-{role}</c> at the next address of the subnet (from .10 on).</summary>
    public async Task<BridgedHost> AddHostAsync(string role)
    {
        var number = _hosts.Count;
        var host = new BridgedHost($"{_id}-{role}", Address(10 + number), $"{_id}v{number}", $"{_id}p{number}");
        _hosts.Add(host);
        await Ip("netns", "add", host.Namespace);
        await Ip("link", "add", host.BridgeLink, "type", "veth", "peer", "name", host.PeerLink);
        await Ip("link", "set", host.PeerLink, "netns", host.Namespace);
        await Ip("link", "set", host.BridgeLink, "master", Bridge);
        await Ip("link", "set", host.BridgeLink, "up");
        await Ip("netns", "exec", host.Namespace, "ip", "addr", "add", $"{host.Address}/24", "dev", host.PeerLink);
        await Ip("netns", "exec", host.Namespace, "ip", "link", "set", host.PeerLink, "up");
        await Ip("netns", "exec", host.Namespace, "ip", "link", "set", "lo", "up");
        return host;
    }

    /// <summary>
    /// Takes <paramref name="host"/>'s link down on the bridge side: its packets go nowhere and nobody else's reach it,
    /// with no FIN or RST on any connection, as when a machine loses its network or power. Its processes keep running.
    /// </summary>
    public static Task CutOffAsync(BridgedHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Ip("link", "set", host.BridgeLink, "down");
    }

    public async ValueTask DisposeAsync()
    {
        // Deleting a namespace destroys the veth end inside it, and a pair dies with either end; the link deletes cover
        // a failure before an end was moved in. Any of them may find nothing left.
        var commands = _hosts.SelectMany(h => new[] { new[] { "netns", "delete", h.Namespace }, ["link", "delete", h.BridgeLink] })
            .Append(["link", "delete", Bridge]);
        foreach (var command in commands)
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

    /// <summary>A /24 of 10.201.0.0/16 that no route or address of ours uses yet (another run's bridge, say).</summary>
    private static async Task<int> FreeSubnetAsync()
    {
        var used = await Ip("-4", "-o", "addr", "show") + await Ip("-4", "route", "show");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var third = RandomNumberGenerator.GetInt32(1, 255);
            if (!used.Contains(string.Create(CultureInfo.InvariantCulture, $"10.201.{third}."), StringComparison.Ordinal))
            {
                return third;
            }
        }

        throw new InvalidOperationException("No free /24 in 10.201.0.0/16.");
    }

    private static Task<string> Ip(params string[] arguments) => ShellCommand.RunAsync("ip", arguments, TimeSpan.FromSeconds(30));

    private string Address(int host) => string.Create(CultureInfo.InvariantCulture, $"10.201.{_subnet}.{host}");
}

/// <summary>One machine of a <see cref="BridgedNetwork"/>: its namespace, its address, and its link on the bridge.</summary>
public sealed record BridgedHost(string Namespace, string Address, string BridgeLink, string PeerLink)
{
    /// <summary>Runs a command on this machine: prefix the command line with this.</summary>
    public IReadOnlyList<string> Launcher => ["ip", "netns", "exec", Namespace];

    /// <summary>Where <see cref="RunningSystem"/> starts a silo or gateway to run it on this machine.</summary>
    public ProcessHost AsProcessHost() => new(Address, Launcher);
}
