using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Alerts;
using EnergyActors.Grains.Sites.Weather;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnergyActors.Grains.Sites;

/// <summary>
/// A BMS site that simulates itself: a grain timer fires at its interval boundaries, each due interval is
/// stepped through the model, the rows are committed through the history writer, and only then the
/// battery state and latest reading are applied and persisted. A reminder brings a running site back
/// after a silo restart. Not reentrant: ticks, control calls and ingestion never interleave.
/// This file holds its lifecycle and control; each other concern (its fleet too) has its own SiteGrain.*.cs.
/// </summary>
public sealed partial class SiteGrain(
    IHistoryWriter history,
    IWeatherSource weather,
    IWeatherFiles weatherFiles,
    IAlertStore alerts,
    AlertRulesCache alertRules,
    SiteSimulationClock clock,
    TimeProvider time,
    IOptions<SiteOptions> options,
    [PersistentState("site", GrainStorage.Name)] IPersistentState<SiteState> site,
    ILogger<SiteGrain> logger) : Grain, ISiteGrain, IRemindable
{
    private string SiteId => this.GetPrimaryKeyString();

    private SiteState State => site.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleTicks();
        return Task.CompletedTask;
    }

    public async Task<SiteCreateResult> Create(SiteConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (State.Config is not null)
        {
            DemandWrite();
            return new SiteCreateResult(false, Info());
        }

        await ClaimAsync();
        var now = clock.UtcNow;
        State.Config = config;
        State.CreatedAt = now;
        State.Battery = SiteBattery.Initial(config.ToSpec(), now);
        State.LastIntervalEnd = IntervalGrid.AlignDown(now, config.IntervalMinutes);
        await site.WriteStateAsync();
        await Registry.Add(SiteId);
        await SyncReminderAsync();
        ScheduleTicks();
        LogCreated(SiteId, config.Type, config.IntervalMinutes);
        return new SiteCreateResult(true, Info());
    }

    public Task<SiteInfo?> GetSite() => Task.FromResult(State.Config is null || !Readable ? null : Info());

    public async Task<SiteInfo?> Patch(SitePatch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (State.Config is not { } config)
        {
            return null;
        }

        DemandWrite();
        State.Config = config with
        {
            Name = patch.Name ?? config.Name,
            IntervalMinutes = patch.IntervalMinutes ?? config.IntervalMinutes,
            Running = patch.Running ?? config.Running,
            BatteryMaxPowerKw = patch.BatteryMaxPowerKw ?? config.BatteryMaxPowerKw,
            SolarCapacityKw = patch.SolarCapacityKw ?? config.SolarCapacityKw,
            InverterCapacityKw = patch.InverterCapacityKw ?? config.InverterCapacityKw,
            LoadProfile = patch.ClearLoadProfile ? null : patch.LoadProfile ?? config.LoadProfile,
            Tilt = patch.Tilt ?? config.Tilt,
            Azimuth = patch.Azimuth ?? config.Azimuth,
            WeatherFile = patch.ClearWeatherFile ? null : patch.WeatherFile ?? config.WeatherFile,
            AnnualConsumptionKwh = patch.AnnualConsumptionKwh ?? config.AnnualConsumptionKwh,
        };
        if (!config.Running && State.Config.Running)
        {
            // Resuming: no catch-up for the paused time.
            State.LastIntervalEnd = IntervalGrid.AlignDown(clock.UtcNow, State.Config.IntervalMinutes);
        }

        await site.WriteStateAsync();
        await SyncReminderAsync();
        ScheduleTicks();
        if (!State.Config.Running)
        {
            // Paused on purpose: its quiet is no fault.
            await ForgetSilenceAsync();
        }

        return Info();
    }

    public async Task<bool> Delete()
    {
        if (State.Config is null)
        {
            return false;
        }

        DemandWrite();
        var owner = Owner;
        StopTicks();
        await ForgetSilenceAsync();
        State.Config = null;
        await SyncReminderAsync();
        await Registry.Remove(SiteId);
        // The fleet stays: the site's history stays too, and must never show under another fleet's site of that id.
        site.State = new SiteState { Fleet = owner };
        await site.WriteStateAsync();
        return true;
    }

    public async Task<SiteInfo?> StartOutage(int minutes)
    {
        if (State.Config is null)
        {
            return null;
        }

        DemandWrite();
        State.OutageUntil = clock.UtcNow.AddMinutes(minutes);
        await site.WriteStateAsync();
        return Info();
    }

    private SiteInfo Info() => new(SiteId, State.Config!, State.CreatedAt, State.OutageUntil > clock.UtcNow ? State.OutageUntil : null);

    private bool Simulating => State.Config is { Simulate: true, Running: true };

    [LoggerMessage(Level = LogLevel.Information, Message = "Site {SiteId} created ({Type}, every {IntervalMinutes} min)")]
    private partial void LogCreated(string siteId, string type, int intervalMinutes);
}
