using System.Net;
using System.Net.Sockets;

namespace EnergyActors.Silo.Webhooks;

/// <summary>
/// Connects to a webhook's receiver only on addresses it may reach: unless <see cref="WebhookOptions.AllowPrivateNetworks"/>,
/// none on loopback, private, shared, link-local or unique-local networks. Judged on the addresses the name resolves to at
/// connection time, so a name that later points inward is refused too.
/// </summary>
public static class WebhookNetworkGuard
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(bool allowPrivate) =>
        async (context, cancellation) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellation);
            var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"'{context.DnsEndPoint.Host}' resolves only to addresses on a private network, which webhooks may not reach (Webhooks:AllowPrivateNetworks).");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // fc00::/7 unique-local, fe80::/10 link-local, fec0::/10 site-local.
            var first = address.GetAddressBytes()[0];
            return (first & 0xFE) != 0xFC && !address.IsIPv6LinkLocal && !address.IsIPv6SiteLocal;
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 0 || b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && (b[1] & 0xC0) == 64) || b[0] >= 224);
    }
}
