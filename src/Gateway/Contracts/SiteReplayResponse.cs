using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Gateway.Contracts;

/// <summary>A replay's progress.</summary>
public sealed record SiteReplayResponse(string SiteId, DateTime From, DateTime To, int IntervalsDone, int IntervalsTotal, string State, string? Error)
{
    public static SiteReplayResponse Of(string siteId, SiteReplay r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new SiteReplayResponse(siteId, r.From.UtcDateTime, r.To.UtcDateTime, r.IntervalsDone, r.IntervalsTotal, r.State, r.Error);
    }
}
