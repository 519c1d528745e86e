using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Grains.Sites;

/// <summary>
/// A site's durable state: configuration, the simulated battery as of <see cref="LastIntervalEnd"/>, the
/// latest reading, active alerts and fleet. Written after each committed interval, so SOC, cycles and health
/// continue exactly where they were after a restart.
/// </summary>
[GenerateSerializer, Alias("ea.SiteState")]
public sealed class SiteState
{
    [Id(0)]
    public SiteConfig? Config { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(2)]
    public SiteBattery? Battery { get; set; }

    [Id(3)]
    public DateTimeOffset? LastIntervalEnd { get; set; }

    [Id(4)]
    public DateTimeOffset? OutageUntil { get; set; }

    [Id(5)]
    public SiteReading? Latest { get; set; }

    [Id(6)]
    public HashSet<string> ActiveAlerts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The fleet the site belongs to; null for a site from before fleets (see <see cref="SiteGrain"/>'s owner rule).</summary>
    [Id(7)]
    public string? Fleet { get; set; }
}
