using System.Net.Sockets;
using Npgsql;

namespace EnergyActors.Silo.Storage;

/// <summary>Which exceptions mean "PostgreSQL cannot be reached or used right now" rather than a bug.</summary>
internal static class StorageFailure
{
    public static bool IsTransient(Exception ex) =>
        ex is NpgsqlException or IOException or SocketException or TimeoutException or InvalidOperationException { InnerException: NpgsqlException };
}
