using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Grains.Sites;

/// <summary>
/// Simulates a past period as fast as history takes it. Deterministic: it starts from a fresh battery at
/// <c>from</c> and uses the weather of instants past (synthetic, or the site's weather file), both derived from configuration and seed only, and it
/// never touches the live battery. Rows already in history (live ones included) win on conflict.
/// </summary>
internal sealed class SiteReplayRun(string siteId, SiteConfig config, DateTimeOffset from, DateTimeOffset to, IHistoryWriter history, Func<SiteSpec, DateTimeOffset, ValueTask<WeatherSample>> weatherAt)
{
    private const int RowsPerCommit = 2_000;
    private readonly DateTimeOffset _start = IntervalGrid.AlignDown(from, config.IntervalMinutes);
    private int _done;
    private string _state = "running";
    private string? _error;

    public bool IsRunning => _state == "running";

    public SiteReplay Progress => new(_start, to, _done, Total, _state, _error);

    private int Total => (int)((IntervalGrid.AlignDown(to, config.IntervalMinutes) - _start).Ticks / TimeSpan.FromMinutes(config.IntervalMinutes).Ticks);

    public async Task RunAsync()
    {
        try
        {
            var spec = config.ToSpec();
            var battery = SiteBattery.Initial(spec, _start);
            var interval = TimeSpan.FromMinutes(config.IntervalMinutes);
            var rows = new List<SiteReading>(RowsPerCommit);
            var end = _start + interval;
            for (var i = 0; i < Total; i++, end += interval)
            {
                var sample = await weatherAt(spec, end - (interval / 2));
                var step = SitePhysics.Step(spec, battery, end, interval, sample, outage: false);
                rows.Add(step.Reading.ToSiteReading(interval));
                battery = step.Next;
                if (rows.Count == RowsPerCommit)
                {
                    await history.AppendSiteReadings(siteId, rows.ToArray());
                    _done += rows.Count;
                    rows.Clear();
                }
            }

            if (rows.Count > 0)
            {
                await history.AppendSiteReadings(siteId, rows.ToArray());
                _done += rows.Count;
            }

            _state = "completed";
        }
        catch (Exception ex)
        {
            _state = "failed";
            _error = ex.Message;
        }
    }
}
