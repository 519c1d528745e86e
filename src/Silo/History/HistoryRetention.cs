using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>
/// Drops the daily history partitions older than <c>History:RetentionDays</c> and deletes site rollups older than
/// <c>History:RollupRetentionDays</c>. Every change runs under the partitioner's advisory lock, so several silos
/// doing this at once take turns and the later ones find nothing left to do. Cut-offs fall on a UTC midnight: today
/// and the configured number of full days before it are kept, and a partition goes only when its whole day lies
/// before the cut-off. The default partition (old backfill) is never dropped.
/// </summary>
public sealed partial class HistoryRetention(
    NpgsqlDataSource dataSource,
    IOptions<HistoryRetentionOptions> options,
    HistoryMetrics metrics,
    TimeProvider timeProvider,
    ILogger<HistoryRetention> logger)
{
    /// <summary>
    /// Dropping a partition takes an exclusive lock on its parent table, which every insert into that table then
    /// waits behind; if a long query holds the table, give up within a second and try next round rather than stall ingestion.
    /// </summary>
    private const string LockTimeout = "1s";

    private DateTimeOffset? _rollupCutoffDone;

    public async Task<HistoryRetentionOutcome> ApplyAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.RetentionDays == 0 && settings.RollupRetentionDays == 0)
        {
            return HistoryRetentionOutcome.Nothing;
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var dropped = new List<DateOnly>();
        long rollupRows = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (settings.RetentionDays > 0)
        {
            // Strictly before today - N: today and the N full days before it stay.
            var firstKept = today.AddDays(-settings.RetentionDays);
            foreach (var table in HistoryTables.All)
            {
                foreach (var (partition, day) in await DailyPartitionsAsync(connection, table.Name, cancellationToken))
                {
                    if (day < firstKept && await DropAsync(connection, partition, cancellationToken))
                    {
                        dropped.Add(day);
                        metrics.PartitionDropped(table.Name);
                    }
                }
            }
        }

        var rollupCutoff = Midnight(today.AddDays(-settings.RollupRetentionDays));
        if (settings.RollupRetentionDays > 0 && _rollupCutoffDone != rollupCutoff)
        {
            rollupRows = await DeleteRollupsAsync(connection, rollupCutoff, cancellationToken);
            _rollupCutoffDone = rollupCutoff;
            metrics.RollupsDeleted(rollupRows);
        }

        var outcome = new HistoryRetentionOutcome(dropped.Count, dropped.Count == 0 ? null : dropped.Min(), dropped.Count == 0 ? null : dropped.Max(), rollupRows);
        if (outcome.PartitionsDropped > 0 || outcome.RollupRowsDeleted > 0)
        {
            LogApplied(outcome.PartitionsDropped, outcome.OldestDay, outcome.NewestDay, outcome.RollupRowsDeleted);
        }

        return outcome;
    }

    /// <summary>The daily partitions of <paramref name="table"/> by the names the partitioner gives them; the default partition has none.</summary>
    private static async Task<List<(string Partition, DateOnly Day)>> DailyPartitionsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT c.relname
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = to_regclass($1) AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
            """;
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var partitions = new List<(string, DateOnly)>();
        var prefix = table + "_";
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (name.StartsWith(prefix, StringComparison.Ordinal)
                && DateOnly.TryParseExact(name[prefix.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                partitions.Add((name, day));
            }
        }

        return partitions;
    }

    /// <summary>Drops one partition unless another silo got there first; false when it was gone or its table was busy.</summary>
    private async Task<bool> DropAsync(NpgsqlConnection connection, string partition, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await HistoryPartitioner.LockAndFindAsync(connection, transaction, partition, cancellationToken))
        {
            return false;
        }

        try
        {
            // The name comes from the catalogue and matched our own naming; never from input.
            await using var drop = new NpgsqlCommand($"SET LOCAL lock_timeout = '{LockTimeout}'; DROP TABLE {partition}", connection, transaction);
            await drop.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            LogBusy(partition);
            return false;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Another silo dropped it while this one waited for the lock (see LockAndFindAsync).
            return false;
        }
    }

    private static async Task<long> DeleteRollupsAsync(NpgsqlConnection connection, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Under the partitions' lock too, so silos take turns (the table always exists).
        await HistoryPartitioner.LockAndFindAsync(connection, transaction, "site_rollups", cancellationToken);

        // A bucket goes once all of it lies before the cut-off.
        await using var delete = new NpgsqlCommand(
            "DELETE FROM site_rollups WHERE bucket_start <= $1 - make_interval(secs => resolution_seconds)", connection, transaction);
        delete.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = cutoff.UtcDateTime });
        var rows = await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "History retention dropped {Partitions} daily partitions (days {OldestDay} to {NewestDay}) and {RollupRows} site rollup rows")]
    private partial void LogApplied(int partitions, DateOnly? oldestDay, DateOnly? newestDay, long rollupRows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History partition {Partition} not dropped: its table stayed busy; will retry next round")]
    private partial void LogBusy(string partition);
}

/// <summary>What one retention pass removed: partitions dropped (all tables together), their oldest and newest day, rollup rows deleted.</summary>
public sealed record HistoryRetentionOutcome(int PartitionsDropped, DateOnly? OldestDay, DateOnly? NewestDay, long RollupRowsDeleted)
{
    public static readonly HistoryRetentionOutcome Nothing = new(0, null, null, 0);
}
