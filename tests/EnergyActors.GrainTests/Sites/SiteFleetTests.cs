using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Sites;

/// <summary>A site is its creator's fleet's: listed, read and changed only there, and its id stays that fleet's after deletion.</summary>
[Collection(SiteClusterCollection.Name)]
public sealed class SiteFleetTests(SiteClusterFixture fixture)
{
    private static SiteConfig Config => new(
        "fleet site", "residential", 52.52, 13.405, "Europe/Berlin", 13.5, 5, 8, 6, 15, Simulate: true, Running: false, 1, null);

    [Fact]
    public async Task Another_fleet_neither_lists_nor_reads_nor_changes_a_site()
    {
        var (a, b, siteId) = ($"fa-{Guid.NewGuid():N}", $"fb-{Guid.NewGuid():N}", $"site-{Guid.NewGuid():N}");
        FleetScope.Enter(a);
        Assert.True((await Site(siteId).Create(Config)).Created);
        var now = SiteClusterFixture.Clock.GetUtcNow();
        var query = new SiteHistoryQuery(siteId, now.AddDays(-1), now.AddDays(1), "raw", 10);

        FleetScope.Enter(b);
        Assert.Null(await Site(siteId).GetSite());
        Assert.Null(await Site(siteId).GetStatus());
        Assert.DoesNotContain(await Query.List(null, 1000), s => s.SiteId == siteId);
        Assert.Empty((await Query.History(query)).Raw);
        await Assert.ThrowsAsync<FleetAccessException>(() => Site(siteId).Create(Config));
        await Assert.ThrowsAsync<FleetAccessException>(() => Site(siteId).Patch(new SitePatch("renamed", null, null, null, null, null, null, false)));
        await Assert.ThrowsAsync<FleetAccessException>(() => Site(siteId).StartOutage(10));
        await Assert.ThrowsAsync<FleetAccessException>(() => Site(siteId).Delete());

        FleetScope.Enter(FleetScope.AllFleets);
        Assert.NotNull(await Site(siteId).GetSite());
        var refused = await Assert.ThrowsAsync<FleetAccessException>(() => Query.List(null, 10));
        Assert.Equal(FleetAccessFailure.FleetRequired, refused.Failure);

        FleetScope.Enter(a);
        Assert.Equal("fleet site", (await Site(siteId).GetSite())!.Config.Name);
        Assert.Contains(await Query.List(null, 1000), s => s.SiteId == siteId);
        Assert.True(await Site(siteId).Delete());

        FleetScope.Enter(b);
        await Assert.ThrowsAsync<FleetAccessException>(() => Site(siteId).Create(Config));
    }

    private ISiteQueryGrain Query => fixture.Grains.GetGrain<ISiteQueryGrain>(0);

    private ISiteGrain Site(string id) => fixture.Grains.GetGrain<ISiteGrain>(id);
}
