using System.Net.Sockets;
using EnergyActors.Grains.Abstractions;
using Npgsql;

namespace EnergyActors.Silo.Storage;

/// <summary>Which exceptions mean "PostgreSQL cannot be reached or used right now" rather than a bug.</summary>
internal static class StorageFailure
{
    public static bool IsTransient(Exception ex) =>
        ex is NpgsqlException or IOException or SocketException or TimeoutException or InvalidOperationException { InnerException: NpgsqlException };

    /// <summary>What a read or a small write answers when <see cref="IsTransient"/> holds: come back later (503).</summary>
    public static BackPressureException Unavailable(Exception ex) => new("PostgreSQL is unavailable; retry later.", ex);
}
