using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>
/// Creates each history table's daily partitions for today and the days ahead. Past days are never
/// created: their rows may already sit in the default partition, which a new partition would contradict.
/// </summary>
public sealed partial class HistoryPartitioner(
    NpgsqlDataSource dataSource,
    IOptions<HistoryPartitionOptions> options,
    TimeProvider timeProvider,
    ILogger<HistoryPartitioner> logger)
{
    private const long AdvisoryLockKey = 0x4541_5041_5254_4954; // "EAPARTIT"

    /// <summary>
    /// Takes the advisory lock every change to the partitions holds (creation and retention alike, so silos take
    /// turns) for <paramref name="transaction"/>, and says whether <paramref name="relation"/> exists once it is held.
    /// Only a hint: the catalogue this backend reads may not yet show what the silo that held the lock just created or
    /// dropped, so callers also take "already exists" and "does not exist" from the DDL itself as another silo's work.
    /// </summary>
    internal static async Task<bool> LockAndFindAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string relation, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLockKey}), to_regclass($1) IS NOT NULL", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = relation });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetBoolean(1);
    }

    public async Task EnsurePartitionsAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        for (var day = today; day <= today.AddDays(options.Value.DaysAhead); day = day.AddDays(1))
        {
            foreach (var table in HistoryTables.All)
            {
                await EnsurePartitionAsync(connection, table.Name, day, cancellationToken);
            }
        }
    }

    private async Task EnsurePartitionAsync(NpgsqlConnection connection, string table, DateOnly day, CancellationToken cancellationToken)
    {
        var partition = $"{table}_{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        var from = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await LockAndFindAsync(connection, transaction, partition, cancellationToken))
        {
            return;
        }

        try
        {
            // Names and bounds come from our own table list and dates, never from input.
            await using var create = new NpgsqlCommand(
                $"CREATE TABLE {partition} PARTITION OF {table} FOR VALUES FROM ('{from} 00:00:00+00') TO ('{to} 00:00:00+00')",
                connection,
                transaction);
            await create.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogCreated(partition);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CheckViolation)
        {
            // The default partition already holds rows of that day; they stay there and stay correct.
            LogSkipped(ex, partition);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateTable)
        {
            // Another silo created it while this one waited for the lock (see LockAndFindAsync).
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created history partition {Partition}")]
    private partial void LogCreated(string partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History partition {Partition} not created: the default partition already holds rows for that day")]
    private partial void LogSkipped(Exception exception, string partition);
}
