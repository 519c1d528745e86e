using System.Diagnostics.Metrics;
using EnergyActors.Silo.History;
using EnergyActors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace EnergyActors.Tests.History;

/// <summary>
/// Retention on a real PostgreSQL: daily partitions wholly before the cut-off go, younger ones and the default
/// partition stay, site rollups follow their own longer cut-off, silos running it at once take turns on the
/// advisory lock, and nothing is dropped unless configured.
/// </summary>
public sealed class HistoryRetentionTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The clock during retention: partitions exist from <see cref="FirstDay"/> to three days after this.</summary>
    private static readonly DateTimeOffset Now = new(2026, 4, 10, 10, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly FirstDay = new(2026, 4, 1);

    /// <summary>Older than any partition: its rows sit in the default partition.</summary>
    private static readonly DateOnly BackfillDay = new(2026, 3, 25);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private TestDatabase _database = null!;

    private static IEnumerable<DateOnly> Days => [BackfillDay, .. Enumerable.Range(0, 12).Select(FirstDay.AddDays)];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("retention");
        // The partitioner creates only today and the days ahead, so the clock walks through the past days.
        var walk = new FakeTimeProvider(new DateTimeOffset(FirstDay.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        var partitioner = new HistoryPartitioner(_database.DataSource, Options.Create(new HistoryPartitionOptions()), walk, NullLogger<HistoryPartitioner>.Instance);
        for (; walk.GetUtcNow() <= Now; walk.Advance(TimeSpan.FromDays(1)))
        {
            await partitioner.EnsurePartitionsAsync(CancellationToken.None);
        }

        foreach (var day in Days)
        {
            var noon = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            await ExecuteAsync("INSERT INTO meter_readings VALUES ('M1', $1, 1, 230, NULL)", noon);
            await ExecuteAsync("INSERT INTO vehicle_readings VALUES ('V1', $1, 50, 1, 25)", noon);
            // A whole-day bucket and the day's last 15-minute bucket: both end at the next midnight.
            await ExecuteAsync(RollupSql(86_400), day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            await ExecuteAsync(RollupSql(900), day.ToDateTime(new TimeOnly(23, 45), DateTimeKind.Utc));
        }
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Partitions_wholly_before_the_cutoff_are_dropped_and_rollups_follow_their_own_cutoff()
    {
        var outcome = await Retention(retentionDays: 3, rollupRetentionDays: 5).ApplyAsync(CancellationToken.None);
        output.WriteLine($"{outcome}");

        // Kept: today (04-10) and the three full days before it; the 1st to the 6th go from all three tables.
        Assert.Equal(new HistoryRetentionOutcome(6 * 3, FirstDay, new DateOnly(2026, 4, 6), 2 * 5), outcome);
        foreach (var table in new[] { "meter_readings", "vehicle_readings", "site_readings" })
        {
            for (var day = FirstDay; day <= new DateOnly(2026, 4, 6); day = day.AddDays(1))
            {
                Assert.False(await PartitionExistsAsync(table, day), $"{table} of {day} left");
            }
        }

        Assert.Equal(["20260407", "20260408", "20260409", "20260410", "20260411", "20260412", "20260413", "default"], await PartitionsAsync("meter_readings"));
        Assert.Equal(8, await PartitionsCountAsync("site_readings"));
        // The backfilled day stays in the default partition; 04-07 to 04-12 in theirs.
        Assert.Equal(1 + 6, await _database.ScalarAsync("SELECT count(*) FROM meter_readings"));
        Assert.Equal(1, await _database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE ts < '2026-04-01'"));
        // Rollups: every bucket ending by 04-05 00:00 goes (03-25 and 04-01 to 04-04), the rest stay.
        Assert.Equal(0, await _database.ScalarAsync("SELECT count(*) FROM site_rollups WHERE bucket_start < '2026-04-05'"));
        Assert.Equal(2 * 8, await _database.ScalarAsync("SELECT count(*) FROM site_rollups"));

        var again = await Retention(retentionDays: 3, rollupRetentionDays: 5).ApplyAsync(CancellationToken.None);
        Assert.Equal(HistoryRetentionOutcome.Nothing, again);
    }

    [Fact]
    public async Task Silos_applying_retention_at_once_take_turns_and_drop_each_partition_once()
    {
        var retentions = Enumerable.Range(0, 3).Select(_ => Retention(retentionDays: 2, rollupRetentionDays: 2)).ToList();
        var outcomes = await Task.WhenAll(retentions.Select(r => Task.Run(() => r.ApplyAsync(CancellationToken.None))));
        foreach (var outcome in outcomes)
        {
            output.WriteLine($"{outcome}");
        }

        // 04-01 to 04-07 from three tables; rollups of 03-25 to 04-07.
        Assert.Equal(7 * 3, outcomes.Sum(o => o.PartitionsDropped));
        Assert.Equal(2 * 8, outcomes.Sum(o => o.RollupRowsDeleted));
        Assert.Equal(["20260408", "20260409", "20260410", "20260411", "20260412", "20260413", "default"], await PartitionsAsync("vehicle_readings"));
    }

    [Fact]
    public async Task Retention_is_off_unless_configured()
    {
        var outcome = await Retention(retentionDays: 0, rollupRetentionDays: 0).ApplyAsync(CancellationToken.None);

        Assert.Equal(HistoryRetentionOutcome.Nothing, outcome);
        Assert.Equal(1 + 13, await PartitionsCountAsync("meter_readings"));
        Assert.Equal(Days.Count(), await _database.ScalarAsync("SELECT count(*) FROM meter_readings"));
        Assert.Equal(2 * Days.Count(), await _database.ScalarAsync("SELECT count(*) FROM site_rollups"));
    }

    [Fact]
    public async Task A_partition_whose_table_stays_busy_is_left_for_the_next_round_without_stalling_the_others()
    {
        // A reader holding one old partition: dropping it would wait, and every insert into the table behind it.
        await using var reader = await _database.DataSource.OpenConnectionAsync();
        await using var readTransaction = await reader.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM meter_readings_20260402", reader, readTransaction))
        {
            await read.ExecuteScalarAsync();
        }

        var retention = Retention(retentionDays: 3, rollupRetentionDays: 0);
        var busy = await retention.ApplyAsync(CancellationToken.None);
        await readTransaction.RollbackAsync();
        var later = await retention.ApplyAsync(CancellationToken.None);
        output.WriteLine($"while busy: {busy}; later: {later}");

        Assert.Equal(6 * 3 - 1, busy.PartitionsDropped);
        Assert.Equal(new HistoryRetentionOutcome(1, new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 2), 0), later);
    }

    private HistoryRetention Retention(int retentionDays, int rollupRetentionDays) => new(
        _database.DataSource,
        Options.Create(new HistoryRetentionOptions { RetentionDays = retentionDays, RollupRetentionDays = rollupRetentionDays }),
        new HistoryMetrics(_services.GetRequiredService<IMeterFactory>()),
        _clock,
        NullLogger<HistoryRetention>.Instance);

    private static string RollupSql(int resolutionSeconds) =>
        $"INSERT INTO site_rollups VALUES ('S1', {resolutionSeconds}, $1, 1, 1, 1, 0, 0, 0, 0, 50, 60, 1)";

    private async Task ExecuteAsync(string sql, DateTime at)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<bool> PartitionExistsAsync(string table, DateOnly day)
    {
        await using var command = _database.DataSource.CreateCommand($"SELECT to_regclass('{table}_{day:yyyyMMdd}') IS NOT NULL");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> PartitionsCountAsync(string table) =>
        await _database.ScalarAsync("SELECT count(*) FROM pg_inherits WHERE inhparent = to_regclass($1)", table);

    /// <summary>The name suffixes of <paramref name="table"/>'s partitions, in order.</summary>
    private async Task<List<string>> PartitionsAsync(string table)
    {
        await using var command = _database.DataSource.CreateCommand(
            "SELECT substr(c.relname, length($1) + 2) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass($1) ORDER BY 1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
