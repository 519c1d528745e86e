using System.Net;
using System.Net.Sockets;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>Loopback ports nobody listens on right now, so parallel runs and stray processes do not collide.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
