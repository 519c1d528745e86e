using System.Net;
using System.Net.Http.Headers;

namespace EnergyActors.Simulator.Shared;

/// <summary>The one HttpClient of a run, pooled and sized for the requested concurrency.</summary>
internal static class GatewayHttp
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A client of <paramref name="gateway"/> whose every request carries <paramref name="key"/> (none when null: a gateway in anonymous local mode).</summary>
    public static HttpClient Create(Uri gateway, int concurrency, string? key = null)
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
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = gateway, Timeout = RequestTimeout };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }
}

/// <summary>How long to wait after a 503 before asking again, and a pause that a stop can cut short.</summary>
internal static class RetryAfter
{
    private static readonly TimeSpan MaxJitter = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(1);

    /// <summary>The answer's Retry-After (a delay or a date; 1 s when absent) plus up to 250 ms of jitter.</summary>
    public static TimeSpan Delay(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => Fallback,
        };

        // Jitter keeps the refused clients from coming back in lockstep.
        var jitter = MaxJitter * Random.Shared.NextDouble();
        return (retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter) + jitter;
    }

    /// <returns>False when <paramref name="stop"/> came first.</returns>
    public static async Task<bool> PauseAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>What happens after Ctrl+C: requests in flight get a grace to be answered, then the report is printed.</summary>
internal static class Shutdown
{
    /// <summary>After Ctrl+C, in-flight requests get this long to be answered before they are cancelled.</summary>
    public static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(10);

    /// <summary>All the time a run gets after Ctrl+C: the drain, then counting and the report.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);
}
