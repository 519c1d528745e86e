using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace EnergyActors.Silo;

/// <summary>
/// The silo's endpoints as <see cref="ClusterHostOptions"/> describe them, resolved and checked once at start-up, so a
/// silo with an unusable address stops with a message naming the setting instead of joining the cluster unreachable.
/// </summary>
public sealed record ClusterEndpoints(IPAddress AdvertisedIP, int SiloPort, int GatewayPort, IPEndPoint SiloListening, IPEndPoint GatewayListening)
{
    /// <exception cref="InvalidOperationException">Every problem found, one per line, each naming its setting.</exception>
    public static ClusterEndpoints Resolve(ClusterHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var advertised = ResolveAdvertised(options, errors);
        var listenIP = options.ListenIP is { Length: > 0 } listen ? ParseListen(listen, errors) : advertised;
        var siloListeningPort = options.SiloListeningPort ?? options.SiloPort;
        var gatewayListeningPort = options.GatewayListeningPort ?? options.GatewayPort;
        CheckPort("Orleans:SiloPort", options.SiloPort, errors);
        CheckPort("Orleans:GatewayPort", options.GatewayPort, errors);
        CheckPort("Orleans:SiloListeningPort", siloListeningPort, errors);
        CheckPort("Orleans:GatewayListeningPort", gatewayListeningPort, errors);
        if (options.SiloPort == options.GatewayPort)
        {
            errors.Add($"Orleans:SiloPort and Orleans:GatewayPort are both {options.SiloPort}; silos and clients need ports of their own.");
        }

        // Unset, they repeat the advertised ports, whose clash is already reported.
        if (siloListeningPort == gatewayListeningPort && (options.SiloListeningPort is not null || options.GatewayListeningPort is not null))
        {
            errors.Add($"Orleans:SiloListeningPort and Orleans:GatewayListeningPort are both {siloListeningPort}; each needs a port of its own.");
        }

        if (errors.Count > 0 || advertised is null || listenIP is null)
        {
            throw new InvalidOperationException("The silo's cluster endpoints are not usable:\n" + string.Join('\n', errors));
        }

        return new ClusterEndpoints(
            advertised, options.SiloPort, options.GatewayPort, new IPEndPoint(listenIP, siloListeningPort), new IPEndPoint(listenIP, gatewayListeningPort));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"advertised {AdvertisedIP} (silo port {SiloPort}, gateway port {GatewayPort}), listening on {SiloListening} and {GatewayListening}");

    private static IPAddress? ResolveAdvertised(ClusterHostOptions options, List<string> errors)
    {
        IPAddress? address;
        if (options.AdvertisedInterface is { Length: > 0 } name)
        {
            address = InterfaceAddress(name);
            if (address is null)
            {
                errors.Add($"Orleans:AdvertisedInterface: no network interface '{name}' with an IPv4 address (found: {string.Join(", ", InterfaceNames())}).");
                return null;
            }
        }
        else if (!IPAddress.TryParse(options.AdvertisedIP, out address))
        {
            address = HostAddress(options.AdvertisedIP);
            if (address is null)
            {
                errors.Add($"Orleans:AdvertisedIP: '{options.AdvertisedIP}' is neither an IP address nor a host name with an IPv4 address.");
                return null;
            }
        }

        // Written to the membership table for others to dial: an "any" address reaches nobody.
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            errors.Add($"Orleans:AdvertisedIP: {address} cannot be dialled by other silos; give this machine's address (bind every interface with Orleans:ListenIP=0.0.0.0 instead).");
            return null;
        }

        return address;
    }

    private static IPAddress? ParseListen(string listen, List<string> errors)
    {
        if (IPAddress.TryParse(listen, out var address))
        {
            return address;
        }

        errors.Add($"Orleans:ListenIP: '{listen}' is not an IP address (0.0.0.0 binds every interface).");
        return null;
    }

    private static void CheckPort(string setting, int port, List<string> errors)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{setting}: {port} is not a TCP port (1 to 65535)."));
        }
    }

    private static IPAddress? InterfaceAddress(string name) =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.Name.Equals(name, StringComparison.Ordinal))
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);

    private static IEnumerable<string> InterfaceNames() => NetworkInterface.GetAllNetworkInterfaces().Select(i => i.Name);

    private static IPAddress? HostAddress(string host)
    {
        // An empty name would resolve to this machine's own addresses, whichever comes first.
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        try
        {
            return Dns.GetHostAddresses(host, AddressFamily.InterNetwork).FirstOrDefault();
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            return null;
        }
    }
}
