using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>
/// Keeps a vehicle's entry in the fleet index current: coalesces changes into one report after a short
/// delay, and while the window holds data re-evaluates it every bucket, because figures and verdict move
/// as readings age out even when none arrive. Reports only what changed.
/// </summary>
internal sealed class FleetReporter(VehicleGrain grain, int delayMilliseconds, TimeSpan slidePeriod)
{
    private IGrainTimer? _pending;
    private IGrainTimer? _slider;
    private VehiclePerformance? _reported;

    public void MarkChanged()
    {
        _pending ??= grain.RegisterGrainTimer(
            _ => ReportPendingAsync(),
            new GrainTimerCreationOptions { DueTime = TimeSpan.FromMilliseconds(delayMilliseconds), Period = Timeout.InfiniteTimeSpan, Interleave = true });
        if (_slider is null && grain.HasWindowData)
        {
            // KeepAlive: a vehicle with data in its window stays active so its fleet entry keeps sliding.
            _slider = grain.RegisterGrainTimer(
                _ => SlideAsync(),
                new GrainTimerCreationOptions { DueTime = slidePeriod, Period = slidePeriod, Interleave = true, KeepAlive = true });
        }
    }

    public Task ReportNowAsync() => ReportAsync(grain.CurrentPerformance(), force: true);

    private async Task ReportPendingAsync()
    {
        _pending?.Dispose();
        _pending = null;
        await ReportAsync(await grain.ReevaluateAsync(), force: false);
    }

    private async Task SlideAsync()
    {
        await ReportAsync(await grain.ReevaluateAsync(), force: false);
        if (!grain.HasWindowData)
        {
            _slider?.Dispose();
            _slider = null;
        }
    }

    private async Task ReportAsync(VehiclePerformance performance, bool force)
    {
        var figures = performance with { Start = default, End = default };
        if (!force && figures == _reported)
        {
            return;
        }

        await grain.FleetIndex.Report(new FleetEntry(performance, DateTimeOffset.UtcNow, Refreshed: true));
        _reported = figures;
    }
}
