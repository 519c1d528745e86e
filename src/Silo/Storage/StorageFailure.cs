using System.Net.Sockets;
using EnergyActors.Grains.Abstractions;
using Npgsql;

namespace EnergyActors.Silo.Storage;

/// <summary>
/// Which database errors mean "PostgreSQL cannot be reached or used right now" (retry later: 503), which
/// mean "this row's data is refused" (isolate the row, answer its sender 400), and which are neither (a bug: 500).
/// </summary>
internal static class StorageFailure
{
    /// <summary>
    /// Connection loss, timeouts, shutdowns, lack of resources, serialization failures and deadlocks.
    /// Errors the server raises about the statement or its data (classes 22, 23, 42, ...) are not transient:
    /// retrying them fails the same way, so they must never turn into back-pressure.
    /// </summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        PostgresException postgres => IsTransientState(postgres.SqlState),
        // Npgsql raises NpgsqlException itself (not PostgresException) when it cannot talk to the server.
        NpgsqlException or IOException or SocketException or TimeoutException => true,
        InvalidOperationException { InnerException: NpgsqlException inner } => IsTransient(inner),
        _ => false,
    };

    /// <summary>Data exceptions (22), integrity violations (23) and program limits (54): caused by a row's content.</summary>
    public static bool IsRowData(Exception ex) =>
        ex is PostgresException { SqlState: ['2', '2', ..] or ['2', '3', ..] or ['5', '4', ..] };

    /// <summary>What a read or a small write answers when <see cref="IsTransient"/> holds: come back later (503).</summary>
    public static BackPressureException Unavailable(Exception ex) => new("PostgreSQL is unavailable; retry later.", ex);

    private static bool IsTransientState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) // connection exception
        || state.StartsWith("40", StringComparison.Ordinal) // serialization failure, deadlock
        || state.StartsWith("53", StringComparison.Ordinal) // insufficient resources (disk, memory, connections)
        || state.StartsWith("57", StringComparison.Ordinal) // operator intervention: shutdown, cannot connect now, statement timeout
        || state.StartsWith("58", StringComparison.Ordinal) // system error (I/O)
        || state is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.ObjectInUse;
}
