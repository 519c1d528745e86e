using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Sites.Model;
using Microsoft.Extensions.Logging;

namespace EnergyActors.Grains.Sites;

/// <summary>The simulation loop: a timer while active, a reminder that brings a running site back after a restart.</summary>
public sealed partial class SiteGrain
{
    private const string ReminderName = "simulate";
    private IGrainTimer? _ticker;
    private int _tickerIntervalMinutes;

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync();

    private void ScheduleTicks()
    {
        if (!Simulating)
        {
            StopTicks();
            return;
        }

        var minutes = State.Config!.IntervalMinutes;
        if (_ticker is not null && _tickerIntervalMinutes == minutes)
        {
            return;
        }

        _ticker?.Dispose();
        _tickerIntervalMinutes = minutes;
        var poll = options.Value.PollMilliseconds;
        var (due, period) = poll > 0
            ? (TimeSpan.FromMilliseconds(poll), TimeSpan.FromMilliseconds(poll))
            : (IntervalGrid.AlignUp(clock.UtcNow, minutes) - clock.UtcNow + TimeSpan.FromMilliseconds(20), TimeSpan.FromMinutes(minutes));
        _ticker = this.RegisterGrainTimer(_ => TickAsync(), new GrainTimerCreationOptions { DueTime = due, Period = period, KeepAlive = true });
    }

    private void StopTicks()
    {
        _ticker?.Dispose();
        _ticker = null;
    }

    private async Task SyncReminderAsync()
    {
        try
        {
            if (Simulating)
            {
                var period = TimeSpan.FromMinutes(options.Value.ReminderMinutes);
                await this.RegisterOrUpdateReminder(ReminderName, period, period);
            }
            else if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The timer keeps the site running meanwhile; only a restart without the reminder would pause it.
            LogReminderFailed(ex, SiteId);
        }
    }

    /// <summary>Simulates every interval that has ended since the last one, commits them, then applies them.</summary>
    private async Task TickAsync()
    {
        if (!Simulating)
        {
            return;
        }

        var config = State.Config!;
        var now = clock.UtcNow;
        var last = State.LastIntervalEnd ?? IntervalGrid.AlignDown(now, config.IntervalMinutes);
        var oldest = IntervalGrid.AlignDown(now.AddHours(-options.Value.MaxCatchUpHours), config.IntervalMinutes);
        if (last < oldest)
        {
            last = oldest;
        }

        var ends = IntervalGrid.DueEnds(last, now, config.IntervalMinutes);
        if (ends.Count == 0)
        {
            return;
        }

        try
        {
            var spec = config.ToSpec();
            var battery = State.Battery!;
            var rows = new List<SiteReading>(ends.Count);
            var start = last;
            foreach (var end in ends)
            {
                // At the interval's midpoint: hourly sources (weather files) then give each hour its own value.
                var sample = await WeatherAt(spec, end - ((end - start) / 2));
                var outage = State.OutageUntil is { } until && until > start;
                var step = SitePhysics.Step(spec, battery, end, end - start, sample, outage);
                rows.Add(step.Reading.ToSiteReading(end - start));
                battery = step.Next;
                start = end;
            }

            // Write-ahead: history first; a retry after a failure recomputes the same rows from the same state.
            await history.AppendSiteReadings(SiteId, rows);
            State.Battery = battery;
            State.LastIntervalEnd = ends[^1];
            if (State.Latest is null || rows[^1].Timestamp >= State.Latest.Timestamp)
            {
                await ApplyLatestAsync(rows[^1]);
            }

            await site.WriteStateAsync();
        }
        catch (Exception ex) when (ex is BackPressureException or TimeoutException or OrleansException)
        {
            LogTickFailed(ex, SiteId);
        }
    }

    /// <summary>The site's weather file when it names one its fleet or the silos have, else the weather source's.</summary>
    private async ValueTask<WeatherSample> WeatherAt(SiteSpec spec, DateTimeOffset at) =>
        spec.WeatherFile is { } name && await weatherFiles.Find(Owner, name) is { } year
            ? year.Sample(at)
            : await weather.Sample(spec, at, CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site {SiteId}: interval not committed; it is simulated again at the next tick")]
    private partial void LogTickFailed(Exception exception, string siteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site {SiteId}: reminder not updated")]
    private partial void LogReminderFailed(Exception exception, string siteId);
}
