namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>
/// One shard (see <see cref="Index"/>) of the set of registered site ids, so listing sites pages
/// through a few small grains instead of scanning storage.
/// </summary>
[Alias("ea.ISiteRegistryGrain")]
public interface ISiteRegistryGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>Site ids over 8 shards.</summary>
    public static ShardedIndex<ISiteRegistryGrain> Index { get; } = new(8);

    [Alias("Add")]
    Task Add(string siteId);

    [Alias("Remove")]
    Task Remove(string siteId);

    /// <summary>Ids after <paramref name="after"/> in ordinal order, at most <paramref name="limit"/>.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> List(string? after, int limit);
}
