using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Abstractions.Feeds;
using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Access;
using EnergyActors.Grains.Alerts;
using Microsoft.Extensions.Logging;

namespace EnergyActors.Grains.Sites;

/// <summary>Readings from a real site, and the latest reading (simulated or real) with the alerts it keeps active.</summary>
public sealed partial class SiteGrain
{
    private static readonly TimeSpan SilenceReportPeriod = TimeSpan.FromMinutes(1);

    private AlertGates? _gates;
    private DateTimeOffset _silenceToldAt;

    public Task<SiteReading?> GetStatus() => Task.FromResult(Readable ? State.Latest : null);

    public async Task<IngestResult> Ingest(IReadOnlyList<SiteReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (await ClaimAsync())
        {
            // The binding is durable before any reading is acknowledged.
            await site.WriteStateAsync();
        }

        var normalized = readings.Select(r => r with { Timestamp = HistoryTime.Normalize(r.Timestamp) }).ToArray();
        var commit = await history.AppendSiteReadings(SiteId, normalized);
        var accepted = 0;
        SiteReading? newest = null;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (commit.Stored[i])
            {
                accepted++;
                if (newest is null || normalized[i].Timestamp > newest.Timestamp)
                {
                    newest = normalized[i];
                }
            }
        }

        if (newest is not null && (State.Latest is null || newest.Timestamp > State.Latest.Timestamp))
        {
            await ApplyLatestAsync(newest);
            await site.WriteStateAsync();
        }

        return commit.ToResult(accepted);
    }

    private async Task ApplyLatestAsync(SiteReading reading)
    {
        State.Latest = reading;
        var fleet = Owner ?? FleetAccess.LegacyFleet;
        var feed = GrainFactory.GetGrain<IFleetFeedGrain>(fleet);
        // One-way: returns at once, whoever watches the fleet.
        await feed.Publish(FleetChange.ForSite(SiteId, reading));
        await TellSilenceWatchAsync(fleet, reading.IntervalMinutes);
        var rules = await alertRules.GetAsync(fleet);
        // A site reports each interval in order: hold-off and clear time run on its readings' own time, so a replayed
        // day is judged as the live one was.
        _gates ??= new AlertGates();
        var decisions = _gates.Judge(SiteAlertRules.Conditions(reading, rules), State.ActiveAlerts, reading.Timestamp, reading: true);
        await alerts.SyncAsync(
            feed,
            fleet,
            SiteId,
            State.ActiveAlerts,
            decisions,
            rules,
            kind => SiteAlertRules.Message(kind, reading, rules),
            () => reading.Timestamp,
            (exception, kind) => LogAlertFailed(exception, SiteId, kind));
    }

    private async Task TellSilenceWatchAsync(string fleet, double intervalMinutes)
    {
        // Wall time: silence is about when readings arrive, whatever time the simulation runs at.
        var now = time.GetUtcNow();
        if (now - _silenceToldAt >= SilenceReportPeriod)
        {
            _silenceToldAt = now;
            await ISilenceWatchGrain.Watch.ShardFor(GrainFactory, fleet, SiteId).Seen(SiteId, (int)Math.Ceiling(intervalMinutes));
        }
    }

    private Task ForgetSilenceAsync()
    {
        _silenceToldAt = default;
        return ISilenceWatchGrain.Watch.ShardFor(GrainFactory, Owner ?? FleetAccess.LegacyFleet, SiteId).Forget(SiteId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site {SiteId}: alert {Kind} not stored; will retry")]
    private partial void LogAlertFailed(Exception exception, string siteId, string kind);
}
