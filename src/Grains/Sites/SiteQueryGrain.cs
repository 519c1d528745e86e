using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Access;
using Orleans.Concurrency;

namespace EnergyActors.Grains.Sites;

/// <summary>Lists the calling fleet's sites (merging its registry shards in id order) and reads history, for the gateway.</summary>
[StatelessWorker]
public sealed class SiteQueryGrain(ISiteHistoryReader history) : Grain, ISiteQueryGrain
{
    public async Task<IReadOnlyList<SiteInfo>> List(string? after, int limit)
    {
        var fleet = FleetAccess.OneFleet("list sites");
        var pages = await ISiteRegistryGrain.Index.QueryAll(GrainFactory, fleet, shard => shard.List(after, limit));
        var ids = pages.SelectMany(p => p).Order(StringComparer.Ordinal).Take(limit).ToList();
        var sites = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<ISiteGrain>(id).GetSite()));
        return sites.OfType<SiteInfo>().ToList();
    }

    public async Task<SiteHistory> History(SiteHistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Another fleet's site reads as one that has no history.
        return await GrainFactory.GetGrain<ISiteGrain>(query.SiteId).IsReadable() ? await history.Read(query) : new SiteHistory([], []);
    }
}
