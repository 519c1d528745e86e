using EnergyActors.Grains;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Silo.History;
using Xunit.Abstractions;

namespace EnergyActors.Tests.History;

/// <summary>
/// Rows PostgreSQL refuses for their content (a NUL in text, a CHECK violation) share flush windows with
/// innocent rows: the writer isolates them, every innocent row commits, and the poison is answered as a
/// refusal naming its field — never as back-pressure, never as a failure of anyone else's write.
/// </summary>
public sealed class PoisonIsolationTests(ITestOutputHelper output)
{
    // One rule the API knows nothing about: a soc of 42.42 is refused by PostgreSQL alone.
    internal const string PoisonRule = "ALTER TABLE vehicle_readings ADD CONSTRAINT vehicle_readings_soc_check CHECK (soc <> 42.42)";

    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Poison_rows_are_refused_by_field_and_every_innocent_row_in_the_same_flushes_commits()
    {
        await using var history = await StartWriterAsync();
        var (writer, database) = (history.Writer, history.Database);
        var prefix = $"P{Guid.NewGuid():N}"[..10];
        var flushesBefore = writer.Flushes;
        var innocent = new List<Task<HistoryCommit>>();
        var poison = new List<(Task<HistoryCommit> Commit, int Index, string Field)>();
        for (var i = 0; i < 300; i++)
        {
            var at = T0.AddMinutes(i);
            innocent.Add(writer.AppendMeterReadings($"{prefix}-m{i % 30}", [new MeterReading(at, 1.5, 230, null)]));
            innocent.Add(writer.AppendVehicleReadings($"{prefix}-v{i % 30}", [new VehicleReading(at, 50, 1.2, 25)]));
            if (i % 25 == 0)
            {
                poison.Add((writer.AppendSiteReadings($"{prefix}-s{i}", [Site(at, "synthetic\0")]), 0, "weather.source"));
                poison.Add((writer.AppendMeterReadings($"{prefix}-pm{i}", [new MeterReading(at, 1, 230, "VEH\0X")]), 0, "vehicleId"));
                // One poison row in the middle of a call's rows: only that row is refused.
                poison.Add((writer.AppendVehicleReadings($"{prefix}-pv{i}", [.. Enumerable.Range(0, 5).Select(k => new VehicleReading(at.AddSeconds(k), k == 2 ? 42.42 : 60, 1, 25))]), 2, "soc"));
            }
        }

        var innocentCommits = await Task.WhenAll(innocent);
        var poisonCommits = await Task.WhenAll(poison.Select(p => p.Commit));
        var flushes = writer.Flushes - flushesBefore;
        output.WriteLine($"{innocent.Count} innocent and {poison.Count} poisoned writes in {flushes} flushes");

        Assert.All(innocentCommits, c => Assert.True(c.Stored.All(s => s) && c.Rejected is null));
        for (var p = 0; p < poison.Count; p++)
        {
            var commit = poisonCommits[p];
            var refused = Assert.Single(commit.Rejected!);
            Assert.Equal(poison[p].Index, refused.Index);
            Assert.Equal(poison[p].Field, refused.Field);
            Assert.Contains(poison[p].Field, refused.Message, StringComparison.Ordinal);
            Assert.False(commit.Stored[refused.Index]);
            Assert.Equal(commit.Stored.Length - 1, commit.Stored.Count(s => s));
        }

        Assert.True(flushes < innocent.Count / 4, $"{flushes} flushes: the writes did not share batches");
        Assert.Equal(300, await database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id LIKE $1", $"{prefix}-m%"));
        Assert.Equal(300, await database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id LIKE $1", $"{prefix}-v%"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM site_readings WHERE site_id LIKE $1", $"{prefix}-s%"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM site_rollups WHERE site_id LIKE $1", $"{prefix}-s%"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id LIKE $1", $"{prefix}-pm%"));
        Assert.Equal(4 * 12, await database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id LIKE $1", $"{prefix}-pv%"));
    }

    [Fact]
    public async Task A_write_whose_every_row_is_refused_completes_with_nothing_stored()
    {
        await using var history = await StartWriterAsync();
        var (writer, database) = (history.Writer, history.Database);
        var vehicleId = $"V{Guid.NewGuid():N}";
        var commit = await writer.AppendVehicleReadings(vehicleId, [new VehicleReading(T0, 42.42, 1, 20), new VehicleReading(T0.AddMinutes(1), 42.42, 1, 20)]);

        Assert.Equal([false, false], commit.Stored);
        Assert.Equal([0, 1], commit.Rejected!.Select(r => r.Index).Order());
        Assert.Equal(new IngestResult(0, 0, commit.Rejected), commit.ToResult(0));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", vehicleId));
    }

    internal static SiteReading Site(DateTimeOffset at, string source) =>
        new(at, 5, 1, 2, 0.5, 1.5, 0, 50, 25, 52, 99, 10, 1, 1, 0.96, 30, 20, 300, 40, source, 0);

    /// <summary>A real history writer on a fresh database with <see cref="PoisonRule"/>.</summary>
    internal static Task<HistoryWriterUnderTest> StartWriterAsync(HistoryWriterOptions? options = null) =>
        HistoryWriterUnderTest.StartAsync(
            "poison",
            // A wide flush window, so innocent and poison rows certainly share batches.
            options ?? new HistoryWriterOptions { MaxBatchDelayMilliseconds = 25, Writers = 2 },
            PoisonRule);
}
