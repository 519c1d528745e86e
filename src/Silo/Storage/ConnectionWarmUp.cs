using EnergyActors.Silo.History;
using Npgsql;

namespace EnergyActors.Silo.Storage;

/// <summary>
/// Readies the silo's connections before it joins the cluster. Right after a restart every vehicle's first
/// reading rebuilds its window, thousands in the first seconds, each on whichever connection is free. On a new
/// connection PostgreSQL first loads the catalog of every history partition (about 25 ms here) and plans the
/// rebuild in full until the statement is prepared and its generic plan chosen (about 2 ms a call instead of
/// 0.4 ms). Paying that here, while the silo is not yet serving, keeps it out of the first seconds of ingestion.
/// </summary>
public sealed partial class ConnectionWarmUp(NpgsqlDataSource dataSource, TimeProvider time, ILogger<ConnectionWarmUp> logger)
{
    /// <summary>About as many connections as a silo uses at once when every caller is activating a vehicle.</summary>
    public const int Connections = 32;

    /// <summary>Connections of the pool left alone, for whatever else starts meanwhile.</summary>
    private const int Reserved = 4;

    /// <summary>PostgreSQL plans a prepared statement's first five executions for their parameters, then may go generic.</summary>
    private const int CustomPlans = 5;

    public async Task WarmAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        // Executions until Npgsql prepares the statement, then until PostgreSQL settles on its plan.
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        var executions = settings.AutoPrepareMinUsages + CustomPlans + 1;
        // Never the whole pool: what other services open meanwhile must not wait on the warm-up.
        var count = Math.Min(Connections, settings.MaxPoolSize - Reserved);
        var connections = new List<NpgsqlConnection>(count);
        try
        {
            // All open at once, or the pool would hand back the same connection each time.
            for (var i = 0; i < count; i++)
            {
                connections.Add(await dataSource.OpenConnectionAsync(cancellationToken));
            }

            var since = time.GetUtcNow().AddDays(-1);
            await Task.WhenAll(connections.Select(connection => RebuildNobodyAsync(connection, since, executions, cancellationToken)));
            LogWarmed(connections.Count, time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Only speed is at stake: a silo that could not warm up still starts, and its first calls are slower.
            LogNotWarmed(ex, connections.Count);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task RebuildNobodyAsync(NpgsqlConnection connection, DateTimeOffset since, int executions, CancellationToken cancellationToken)
    {
        // An id no device can have (ids are refused with control characters), so nothing is read.
        const string nobody = "\u0001warm-up";
        for (var i = 0; i < executions; i++)
        {
            await using var command = new NpgsqlCommand(HistoryReader.VehicleRebuildSql, connection);
            HistoryReader.AddVehicleRebuildParameters(command, nobody, since);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed {Connections} database connections for vehicle rebuilds in {Milliseconds:0} ms")]
    private partial void LogWarmed(int connections, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database connections not warmed ({Opened} opened); the first vehicle rebuilds will be slower")]
    private partial void LogNotWarmed(Exception exception, int opened);
}
