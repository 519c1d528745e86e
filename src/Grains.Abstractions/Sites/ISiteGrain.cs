namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>One BMS site (key: site id): its configuration, its self-running simulation and its latest reading.</summary>
[Alias("ea.ISiteGrain")]
public interface ISiteGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<SiteCreateResult> Create(SiteConfig config);

    [Alias("GetSite")]
    Task<SiteInfo?> GetSite();

    [Alias("Patch")]
    Task<SiteInfo?> Patch(SitePatch patch);

    [Alias("Delete")]
    Task<bool> Delete();

    /// <summary>The newest reading; null when none yet (or the site is unknown).</summary>
    [Alias("GetStatus")]
    Task<SiteReading?> GetStatus();

    /// <summary>Readings from a real site: committed to history, then the newest applied to status.</summary>
    [Alias("Ingest")]
    Task<IngestResult> Ingest(IReadOnlyList<SiteReading> readings);

    /// <summary>A grid outage from now on for <paramref name="minutes"/>; null when the site is unknown.</summary>
    [Alias("StartOutage")]
    Task<SiteInfo?> StartOutage(int minutes);

    [Alias("StartReplay")]
    Task<SiteReplay?> StartReplay(DateTimeOffset replayFrom, DateTimeOffset replayTo);

    [Alias("GetReplay")]
    Task<SiteReplay?> GetReplay();

    /// <summary>Whether the calling fleet may see this site's data (its history included): false for another fleet's site.</summary>
    [Alias("IsReadable")]
    Task<bool> IsReadable();
}
