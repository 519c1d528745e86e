using EnergyActors.Grains.Abstractions.Sites;
using Orleans.Concurrency;

namespace EnergyActors.Grains.Sites;

/// <summary>Lists sites (merging the registry shards in id order) and reads history, for the gateway.</summary>
[StatelessWorker]
public sealed class SiteQueryGrain(ISiteHistoryReader history) : Grain, ISiteQueryGrain
{
    public async Task<IReadOnlyList<SiteInfo>> List(string? after, int limit)
    {
        var pages = await ISiteRegistryGrain.Index.QueryAll(GrainFactory, shard => shard.List(after, limit));
        var ids = pages.SelectMany(p => p).Order(StringComparer.Ordinal).Take(limit).ToList();
        var sites = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<ISiteGrain>(id).GetSite()));
        return sites.OfType<SiteInfo>().ToList();
    }

    public Task<SiteHistory> History(SiteHistoryQuery query) => history.Read(query);
}
