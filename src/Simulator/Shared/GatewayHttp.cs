using System.Net;

namespace EnergyActors.Simulator.Shared;

/// <summary>The one HttpClient of a run, pooled and sized for the requested concurrency.</summary>
internal static class GatewayHttp
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static HttpClient Create(Uri gateway, int concurrency)
    {
        var handler = new SocketsHttpHandler
        {
            // HTTP/1.1 carries one request per connection at a time; headroom covers connections being recycled.
            MaxConnectionsPerServer = Math.Max(16, concurrency * 2),
            // Recycling connections lets a load balancer in front of several gateways spread them again.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = gateway, Timeout = RequestTimeout };
    }
}
