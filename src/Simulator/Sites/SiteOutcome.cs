namespace EnergyActors.Simulator.Sites;

/// <summary>What became of one site: created, already there (409), or failed with a reason.</summary>
internal sealed record SiteOutcome(SiteRequest Site, string Result, string? Detail)
{
    public const string Created = "created";
    public const string Existing = "existing";
    public const string Failed = "failed";
}
