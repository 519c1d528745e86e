namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>Read-side of sites for the gateway (a stateless worker): listing and history.</summary>
[Alias("ea.ISiteQueryGrain")]
public interface ISiteQueryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<IReadOnlyList<SiteInfo>> List(string? after, int limit);

    [Alias("History")]
    Task<SiteHistory> History(SiteHistoryQuery query);
}
