using System.Diagnostics.Metrics;
using EnergyActors.Grains;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Silo.History;
using EnergyActors.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace EnergyActors.Tests.History;

/// <summary>
/// The writer's direct COPY (straight into history, staging only after a unique violation) must be invisible to
/// callers: for random writes with random repeats, within a call, within a batch and of keys stored long ago,
/// it answers the same Stored[] and leaves the same rows as the staging path, and both match a model in which
/// the first writer of a key wins. One flusher keeps batches in submission order, so the model is exact.
/// </summary>
public sealed class DirectCopyTests(ITestOutputHelper output)
{
    // Two days: the first has its own daily partition, the second lands in the default one.
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 23, 0, 0, TimeSpan.Zero);

    private static readonly string[] Partitions =
    [
        "CREATE TABLE meter_readings_20260501 PARTITION OF meter_readings FOR VALUES FROM ('2026-05-01 00:00:00+00') TO ('2026-05-02 00:00:00+00')",
        "CREATE TABLE vehicle_readings_20260501 PARTITION OF vehicle_readings FOR VALUES FROM ('2026-05-01 00:00:00+00') TO ('2026-05-02 00:00:00+00')",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Direct_copy_and_staging_answer_and_store_the_same_for_random_writes_with_repeats(int seed)
    {
        await using var history = await HistoryWriterUnderTest.StartAsync("direct", Options(directCopy: false), Partitions);
        var (staged, database) = (history.Writer, history.Database);
        using var directMetrics = new DirectCopyCounts(history.NewMetrics());
        var direct = await history.AddWriterAsync(Options(directCopy: true), directMetrics.Metrics);

        var random = new Random(seed);
        var calls = Enumerable.Range(0, 400).Select(_ => NextCall(random)).ToList();
        var model = new Dictionary<(bool Meter, string Device, DateTimeOffset At), double>();
        var expected = calls.Select(c => c.Values.Select((v, i) => model.TryAdd((c.Meter, c.Device, c.At[i]), v)).ToArray()).ToList();

        var stagedCommits = await Task.WhenAll(calls.Select(c => c.WriteAsync(staged, "s-")));
        var directCommits = await Task.WhenAll(calls.Select(c => c.WriteAsync(direct, "d-")));
        output.WriteLine($"seed {seed}: {calls.Sum(c => c.Values.Length)} rows, {model.Count} distinct keys; direct COPYs {directMetrics.Stored} kept, {directMetrics.FellBack} fell back");

        for (var i = 0; i < calls.Count; i++)
        {
            Assert.Equal(expected[i], stagedCommits[i].Stored);
            Assert.Equal(expected[i], directCommits[i].Stored);
        }

        foreach (var prefix in new[] { "s-", "d-" })
        {
            var rows = await ReadRowsAsync(database, prefix);
            Assert.Equal(model.Count, rows.Count);
            Assert.All(model, m => Assert.Equal(m.Value, rows[m.Key]));
        }

        Assert.True(directMetrics.Stored > 0 && directMetrics.FellBack > 0, "the random writes should both keep and undo direct COPYs");
        Assert.True(await database.ScalarAsync("SELECT count(*) FROM vehicle_readings_20260501") > 0);
        Assert.True(await database.ScalarAsync("SELECT count(*) FROM vehicle_readings_default") > 0);
    }

    [Fact]
    public async Task A_key_already_stored_in_the_middle_of_a_batch_undoes_only_its_table_and_loses_nothing()
    {
        // Wide window: every write below shares one batch.
        await using var history = await HistoryWriterUnderTest.StartAsync("direct", new HistoryWriterOptions { MaxBatchDelayMilliseconds = 200, Writers = 1, StagedBatchesAfterConflict = 0 });
        var (writer, database) = (history.Writer, history.Database);
        var id = $"U{Guid.NewGuid():N}"[..10];
        var before = await writer.AppendVehicleReadings($"{id}-v5", [new VehicleReading(T0, 10, 1, 20)]);
        Assert.Equal(new[] { true }, before.Stored);

        foreach (var (label, repeatMeter) in new[] { ("vehicle after meter: savepoint", false), ("meter first: whole transaction", true) })
        {
            var snapshot = await SnapshotAsync(database);
            if (repeatMeter)
            {
                Assert.Equal(new[] { true }, (await writer.AppendMeterReadings($"{id}-m5", [new MeterReading(T0, 1, 230, null)])).Stored);
            }

            var writes = new List<Task<HistoryCommit>>();
            for (var d = 0; d < 10; d++)
            {
                var at = T0.AddMinutes(repeatMeter ? 10 : 1);
                writes.Add(writer.AppendMeterReadings($"{id}-m{d}", [new MeterReading(d == 5 && repeatMeter ? T0 : at, 2, 230, null)]));
                writes.Add(writer.AppendVehicleReadings($"{id}-v{d}", [new VehicleReading(d == 5 && !repeatMeter ? T0 : at, 60, 2, 25), new VehicleReading(at.AddSeconds(1), 61, 2, 25)]));
            }

            var commits = await Task.WhenAll(writes);
            var repeated = repeatMeter ? 10 : 11;
            for (var w = 0; w < commits.Length; w++)
            {
                bool[] all = w % 2 == 0 ? [true] : [true, true];
                Assert.Equal(w != repeated ? all : repeatMeter ? [false] : [false, true], commits[w].Stored);
            }

            Assert.Single(commits.Select(c => c.TransactionId).Distinct());
            Assert.False(await SeesAsync(database, snapshot, commits[0].TransactionId), label);
            Assert.True(await SeesAsync(database, await SnapshotAsync(database), commits[0].TransactionId), label);
            output.WriteLine($"{label}: transaction {commits[0].TransactionId}, every new row stored");
        }

        Assert.Equal(20, await database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id LIKE $1", $"{id}-%"));
        Assert.Equal(40, await database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id LIKE $1", $"{id}-%"));
        Assert.Equal(10, await database.ScalarAsync("SELECT soc FROM vehicle_readings WHERE vehicle_id = $1 AND ts = $2", $"{id}-v5", T0));
    }

    [Fact]
    public async Task A_batch_far_larger_than_a_network_buffer_whose_last_rows_repeat_stored_keys_falls_back_whole()
    {
        await using var history = await HistoryWriterUnderTest.StartAsync("direct", new HistoryWriterOptions { MaxBatchRows = 20_000, MaxBatchDelayMilliseconds = 300, Writers = 1 });
        var (writer, database) = (history.Writer, history.Database);
        var id = $"L{Guid.NewGuid():N}"[..10];
        await writer.AppendMeterReadings($"{id}-m", [new MeterReading(T0, 1, 230, null)]);
        await writer.AppendVehicleReadings($"{id}-v", [new VehicleReading(T0, 10, 1, 20)]);

        // Each table's COPY streams many buffers before the server meets the stored key at its very end.
        var meters = Enumerable.Range(1, 3000).Select(i => new MeterReading(T0.AddSeconds(i), 2, 230, null)).Append(new MeterReading(T0, 2, 230, null)).ToArray();
        var vehicles = Enumerable.Range(1, 3000).Select(i => new VehicleReading(T0.AddSeconds(i), 60, 2, 25)).Append(new VehicleReading(T0, 60, 2, 25)).ToArray();
        var commits = await Task.WhenAll(writer.AppendMeterReadings($"{id}-m", meters), writer.AppendVehicleReadings($"{id}-v", vehicles));

        Assert.All(commits, c => Assert.Equal(Enumerable.Range(0, 3001).Select(i => i < 3000), c.Stored));
        Assert.Equal(commits[0].TransactionId, commits[1].TransactionId);
        Assert.Equal(3001, await database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1", $"{id}-m"));
        Assert.Equal(3001, await database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", $"{id}-v"));
        Assert.Equal(10, await database.ScalarAsync("SELECT soc FROM vehicle_readings WHERE vehicle_id = $1 AND ts = $2", $"{id}-v", T0));
    }

    [Fact]
    public async Task Poison_and_a_stored_key_in_one_batch_are_each_answered_and_the_rest_commits()
    {
        await using var history = await PoisonIsolationTests.StartWriterAsync(new HistoryWriterOptions { MaxBatchDelayMilliseconds = 200, Writers = 1, StagedBatchesAfterConflict = 0 });
        var (writer, database) = (history.Writer, history.Database);
        var id = $"Q{Guid.NewGuid():N}"[..10];
        await writer.AppendVehicleReadings($"{id}-v3", [new VehicleReading(T0, 10, 1, 20)]);

        var writes = Enumerable.Range(0, 8).Select(d => writer.AppendVehicleReadings($"{id}-v{d}", [
            new VehicleReading(T0, d == 6 ? 42.42 : 50, 1, 20), new VehicleReading(T0.AddMinutes(1), 51, 1, 20)])).ToList();
        writes.Add(writer.AppendMeterReadings($"{id}-m0", [new MeterReading(T0, 1, 230, "VEH\0X"), new MeterReading(T0.AddMinutes(1), 1, 230, null)]));
        var commits = await Task.WhenAll(writes);

        for (var d = 0; d < 8; d++)
        {
            Assert.Equal(d is 3 or 6 ? [false, true] : [true, true], commits[d].Stored);
        }

        Assert.Equal("soc", Assert.Single(commits[6].Rejected!).Field);
        Assert.Null(commits[3].Rejected);
        Assert.Equal("vehicleId", Assert.Single(commits[8].Rejected!).Field);
        Assert.Equal(new[] { false, true }, commits[8].Stored);
        Assert.Equal(15, await database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id LIKE $1", $"{id}-%"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id LIKE $1", $"{id}-%"));
    }

    private static HistoryWriterOptions Options(bool directCopy) =>
        new() { DirectCopy = directCopy, Writers = 1, MaxBatchRows = 40, MaxBatchDelayMilliseconds = 3, StagedBatchesAfterConflict = 0 };

    private static RandomCall NextCall(Random random)
    {
        var meter = random.Next(2) == 0;
        var device = $"{(meter ? "m" : "v")}{random.Next(12)}";
        // Few devices and few instants, so keys repeat inside calls, inside batches and across them.
        var at = Enumerable.Range(0, random.Next(1, 6)).Select(_ => T0.AddMinutes(random.Next(0, 90))).ToArray();
        return new RandomCall(meter, device, at, at.Select(_ => Math.Round(random.NextDouble() * 100, 3)).ToArray());
    }

    private static async Task<Dictionary<(bool Meter, string Device, DateTimeOffset At), double>> ReadRowsAsync(TestDatabase database, string prefix)
    {
        var rows = new Dictionary<(bool, string, DateTimeOffset), double>();
        await using var command = database.DataSource.CreateCommand("""
            SELECT true, meter_id, ts, kwh_consumed_ac FROM meter_readings WHERE meter_id LIKE $1
            UNION ALL SELECT false, vehicle_id, ts, soc FROM vehicle_readings WHERE vehicle_id LIKE $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = prefix + "%" });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetBoolean(0), reader.GetString(1)[prefix.Length..], new DateTimeOffset(reader.GetFieldValue<DateTime>(2), TimeSpan.Zero)), reader.GetDouble(3));
        }

        return rows;
    }

    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT pg_current_snapshot()::text");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> SeesAsync(TestDatabase database, string snapshot, ulong transactionId) =>
        TransactionSnapshot.Parse(snapshot).Sees(transactionId) && await database.ScalarAsync("SELECT CASE pg_xact_status($1::text::xid8) WHEN 'committed' THEN 1 ELSE 0 END", transactionId.ToString(System.Globalization.CultureInfo.InvariantCulture)) == 1;

    private sealed record RandomCall(bool Meter, string Device, DateTimeOffset[] At, double[] Values)
    {
        public Task<HistoryCommit> WriteAsync(HistoryWriter writer, string prefix) => Meter
            ? writer.AppendMeterReadings(prefix + Device, [.. At.Select((a, i) => new MeterReading(a, Values[i], 230, null))])
            : writer.AppendVehicleReadings(prefix + Device, [.. At.Select((a, i) => new VehicleReading(a, Values[i], 1, 20))]);
    }

    /// <summary>Counts one writer's direct COPYs by outcome, from its own instruments.</summary>
    private sealed class DirectCopyCounts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _stored;
        private long _fellBack;

        public DirectCopyCounts(HistoryMetrics metrics)
        {
            Metrics = metrics;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "energyactors.history.direct_copies" && ReferenceEquals(instrument.Meter, Metrics.QueueDepth.Meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "outcome" && Equals(tag.Value, "stored"))
                    {
                        Interlocked.Add(ref _stored, value);
                    }
                    else if (tag.Key == "outcome")
                    {
                        Interlocked.Add(ref _fellBack, value);
                    }
                }
            });
            _listener.Start();
        }

        public HistoryMetrics Metrics { get; }

        public long Stored => Interlocked.Read(ref _stored);

        public long FellBack => Interlocked.Read(ref _fellBack);

        public void Dispose() => _listener.Dispose();
    }
}
