using System.ComponentModel.DataAnnotations;

namespace EnergyActors.Grains.Sites;

/// <summary>How site grains run their simulation (configuration section <c>Sites</c>).</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Sites";

    /// <summary>
    /// 0: a site's timer fires at each interval boundary. Above 0: it checks the clock this often instead,
    /// which is what tests on an accelerated clock need (the grain works out which intervals are due).
    /// </summary>
    [Range(0, 60_000)]
    public int PollMilliseconds { get; set; }

    /// <summary>After downtime a site simulates at most this far back; older intervals are skipped.</summary>
    [Range(1, 168)]
    public int MaxCatchUpHours { get; set; } = 6;

    /// <summary>The reminder that brings a running site back after a silo restart.</summary>
    [Range(1, 60)]
    public int ReminderMinutes { get; set; } = 5;
}
