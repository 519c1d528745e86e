using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Grains.Sites;

/// <summary>Reads a site's history: raw rows by (site, ts) range, or the rollups kept beside them.</summary>
public interface ISiteHistoryReader
{
    Task<SiteHistory> Read(SiteHistoryQuery query);
}
