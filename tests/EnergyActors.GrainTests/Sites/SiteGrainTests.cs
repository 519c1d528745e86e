using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Tests.Infrastructure;
using Orleans.Core.Internal;

namespace EnergyActors.Tests.Sites;

/// <summary>Site grains on an accelerated clock: cadence, live changes, continuity across deactivation, replay, outage.</summary>
[Collection(SiteClusterCollection.Name)]
public sealed class SiteGrainTests(SiteClusterFixture fixture)
{
    private static SiteConfig Config(int intervalMinutes = 5, long seed = 42) => new(
        "test site", "residential", 52.52, 13.405, "Europe/Berlin", 13.5, 5, 8, 6, intervalMinutes, Simulate: true, Running: true, seed, null);

    [Fact]
    public async Task A_site_ticks_at_its_interval_and_a_patch_changes_the_interval_live()
    {
        var id = NewId();
        var start = SiteClusterFixture.Clock.GetUtcNow();
        await Site(id).Create(Config(intervalMinutes: 5));

        await fixture.AdvanceUntilRowsAsync(id, TimeSpan.FromMinutes(15), 3);
        var first = await Timestamps(id);
        Assert.Equal(3, first.Count);
        Assert.All(first, t => Assert.Equal(0, t.Minute % 5));
        Assert.Equal(TimeSpan.FromMinutes(5), first[1] - first[0]);

        await Site(id).Patch(new SitePatch(null, 1, null, null, null, null, null, false));
        await fixture.AdvanceUntilRowsAsync(id, TimeSpan.FromMinutes(3), 6);
        var all = await Timestamps(id);
        Assert.Equal(TimeSpan.FromMinutes(1), all[^1] - all[^2]);
        Assert.Equal(TimeSpan.FromMinutes(1), all[^2] - all[^3]);
        Assert.True(all[0] > start);

        var status = await Site(id).GetStatus();
        Assert.Equal(all[^1], status!.Timestamp);
        Assert.Equal("synthetic", status.WeatherSource);
    }

    [Fact]
    public async Task Battery_state_continues_exactly_across_deactivation()
    {
        // Two sites with the same configuration and seed produce the same rows; one is deactivated midway.
        var (steady, interrupted) = (NewId(), NewId());
        await Site(steady).Create(Config(intervalMinutes: 1, seed: 7));
        await Site(interrupted).Create(Config(intervalMinutes: 1, seed: 7));
        await fixture.AdvanceUntilRowsAsync(interrupted, TimeSpan.FromMinutes(30), 30);
        await fixture.AdvanceUntilRowsAsync(steady, TimeSpan.Zero, 30);

        // Only the interrupted one: its timer keeps it alive, so it is told to deactivate.
        await Site(interrupted).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(200);
        await Site(interrupted).GetSite();
        await fixture.AdvanceUntilRowsAsync(interrupted, TimeSpan.FromMinutes(30), 60);
        await fixture.AdvanceUntilRowsAsync(steady, TimeSpan.Zero, 60);

        Assert.Equal(0, await DifferingRows(steady, interrupted));
        var status = await Site(interrupted).GetStatus();
        Assert.InRange(status!.Soc, 0, 100);
    }

    [Fact]
    public async Task Battery_state_continues_exactly_when_its_silo_stops()
    {
        var (steady, moved) = (NewId(), NewId());
        await Site(steady).Create(Config(intervalMinutes: 1, seed: 11));
        await Site(moved).Create(Config(intervalMinutes: 1, seed: 11));
        await fixture.AdvanceUntilRowsAsync(moved, TimeSpan.FromMinutes(20), 20);
        await fixture.AdvanceUntilRowsAsync(steady, TimeSpan.Zero, 20);

        // Stop every silo but the primary (which hosts the test membership) and bring a new one in: sites
        // that lived there resume from storage wherever they are activated next.
        foreach (var silo in fixture.Cluster.SecondarySilos.ToList())
        {
            await fixture.Cluster.StopSiloAsync(silo);
        }

        await fixture.Cluster.StartAdditionalSiloAsync();
        await Site(moved).GetSite();
        await Site(steady).GetSite();
        await fixture.AdvanceUntilRowsAsync(moved, TimeSpan.FromMinutes(20), 40);
        await fixture.AdvanceUntilRowsAsync(steady, TimeSpan.Zero, 40);

        Assert.Equal(0, await DifferingRows(steady, moved));
    }

    [Fact]
    public async Task Replay_is_deterministic_and_leaves_the_live_battery_alone()
    {
        var (a, b) = (NewId(), NewId());
        await Site(a).Create(Config(intervalMinutes: 15, seed: 99) with { Running = false });
        await Site(b).Create(Config(intervalMinutes: 15, seed: 99) with { Running = false });
        var from = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddDays(7);

        await Site(a).StartReplay(from, to);
        await Site(b).StartReplay(from, to);
        await WaitForReplay(a);
        await WaitForReplay(b);

        Assert.Equal(7 * 96, await fixture.Database.ScalarAsync("SELECT count(*) FROM site_readings WHERE site_id = $1", a));
        Assert.Equal(0, await DifferingRows(a, b));
        Assert.Null(await Site(a).GetStatus());
    }

    [Fact]
    public async Task During_an_outage_the_grid_carries_nothing()
    {
        var id = NewId();
        await Site(id).Create(Config(intervalMinutes: 5));
        await Site(id).StartOutage(60);
        await fixture.AdvanceUntilRowsAsync(id, TimeSpan.FromMinutes(30), 6);

        Assert.Equal(0, await fixture.Database.ScalarAsync("SELECT count(*) FROM site_readings WHERE site_id = $1 AND (grid_import_kw > 0 OR grid_export_kw > 0)", id));
    }

    [Fact]
    public async Task A_paused_site_does_not_tick_and_a_deleted_site_is_gone()
    {
        var id = NewId();
        await Site(id).Create(Config(intervalMinutes: 1) with { Running = false });
        SiteClusterFixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(300);
        Assert.Equal(0, await fixture.Database.ScalarAsync("SELECT count(*) FROM site_readings WHERE site_id = $1", id));

        Assert.True(await Site(id).Delete());
        Assert.Null(await Site(id).GetSite());
        Assert.False(await Site(id).Delete());
    }

    private async Task WaitForReplay(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Site(id).GetReplay())?.State == "running")
        {
            Assert.True(DateTime.UtcNow < deadline, "replay did not finish");
            await Task.Delay(50);
        }

        Assert.Equal("completed", (await Site(id).GetReplay())!.State);
    }

    private Task<long> DifferingRows(string a, string b) => fixture.Database.ScalarAsync("""
        SELECT count(*) FROM (
            (SELECT ts, solar_kw, load_kw, battery_kw, grid_import_kw, grid_export_kw, soc, cycle_count, battery_health_percent FROM site_readings WHERE site_id = $1
             EXCEPT SELECT ts, solar_kw, load_kw, battery_kw, grid_import_kw, grid_export_kw, soc, cycle_count, battery_health_percent FROM site_readings WHERE site_id = $2)
            UNION ALL
            (SELECT ts, solar_kw, load_kw, battery_kw, grid_import_kw, grid_export_kw, soc, cycle_count, battery_health_percent FROM site_readings WHERE site_id = $2
             EXCEPT SELECT ts, solar_kw, load_kw, battery_kw, grid_import_kw, grid_export_kw, soc, cycle_count, battery_health_percent FROM site_readings WHERE site_id = $1)
        ) d
        """, a, b);

    private async Task<List<DateTime>> Timestamps(string id)
    {
        await using var command = fixture.Database.DataSource.CreateCommand("SELECT ts FROM site_readings WHERE site_id = $1 ORDER BY ts");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<DateTime>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetDateTime(0));
        }

        return list;
    }

    private ISiteGrain Site(string id) => fixture.Grains.GetGrain<ISiteGrain>(id);

    private static string NewId() => $"site-{Guid.NewGuid():N}";
}
