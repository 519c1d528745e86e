using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Sites;

/// <summary>Site alerts from a real site's readings: each is raised past its threshold and cleared only past its band.</summary>
[Collection(SiteClusterCollection.Name)]
public sealed class SiteAlertTests(SiteClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Alerts_are_raised_past_their_threshold_and_cleared_only_past_their_band()
    {
        var id = $"site-{Guid.NewGuid():N}";
        var site = fixture.Grains.GetGrain<ISiteGrain>(id);
        await site.Create(new SiteConfig("real", "commercial", 48.1, 11.6, "Europe/Berlin", 100, 50, 80, 60, 15, Simulate: false, Running: true, 1, null));

        await site.Ingest([Reading(T0, soc: 5, temperatureC: 50, unservedKw: 3)]);
        Assert.Equal(["BATTERY_OVER_TEMPERATURE", "SOC_BELOW_FLOOR", "UNSERVED_LOAD"], await ActiveKinds(id));

        // Inside every band: nothing clears.
        await site.Ingest([Reading(T0.AddMinutes(15), soc: 11.9, temperatureC: 43.5, unservedKw: 0.5)]);
        Assert.Equal(["BATTERY_OVER_TEMPERATURE", "SOC_BELOW_FLOOR", "UNSERVED_LOAD"], await ActiveKinds(id));

        await site.Ingest([Reading(T0.AddMinutes(30), soc: 12, temperatureC: 43, unservedKw: 0)]);
        Assert.Empty(await ActiveKinds(id));
        var all = await fixture.Grains.GetGrain<IAlertQueryGrain>(0).List(new AlertQuery(id, null, 10));
        Assert.Equal(3, all.Count);
        Assert.All(all, a => Assert.Equal(T0.AddMinutes(30), a.ClearedAt));
        Assert.All(all, a => Assert.Equal(T0, a.RaisedAt));

        // An older reading changes neither the status nor the alerts.
        await site.Ingest([Reading(T0.AddMinutes(-15), soc: 1, temperatureC: 60, unservedKw: 9)]);
        Assert.Empty(await ActiveKinds(id));
    }

    private async Task<List<string>> ActiveKinds(string id) =>
        [.. (await fixture.Grains.GetGrain<IAlertQueryGrain>(0).List(new AlertQuery(id, true, 10))).Select(a => a.Kind).Order(StringComparer.Ordinal)];

    private static SiteReading Reading(DateTimeOffset at, double soc, double temperatureC, double unservedKw) =>
        new(at, 15, 0, 40, -10, 0, 0, soc, temperatureC, 400, 99, 10, 30, 31, 0.96, 35, 5, 0, 80, "station", unservedKw);
}
