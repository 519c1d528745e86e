using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Grains.Sites;

/// <summary>One shard of registered site ids, persisted on every change (sites are created rarely).</summary>
public sealed class SiteRegistryGrain(
    [PersistentState("sites", GrainStorage.Name)] IPersistentState<SiteRegistryState> registry) : Grain, ISiteRegistryGrain
{
    public async Task Add(string siteId)
    {
        if (registry.State.SiteIds.Add(siteId))
        {
            await registry.WriteStateAsync();
        }
    }

    public async Task Remove(string siteId)
    {
        if (registry.State.SiteIds.Remove(siteId))
        {
            await registry.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List(string? after, int limit)
    {
        var ids = registry.State.SiteIds;
        // A view starting at 'after' skips the ids before it; there is no view when 'after' is past the last id
        // (GetViewBetween refuses a lower bound above the upper one).
        IEnumerable<string> view = after is null ? ids
            : ids.Max is { } last && string.CompareOrdinal(after, last) < 0 ? ids.GetViewBetween(after, last)
            : [];
        IReadOnlyList<string> page = view.Where(id => after is null || string.CompareOrdinal(id, after) > 0).Take(limit).ToList();
        return Task.FromResult(page);
    }
}
