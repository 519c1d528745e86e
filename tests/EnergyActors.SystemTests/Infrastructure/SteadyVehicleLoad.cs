using System.Diagnostics;
using System.Globalization;
using System.Net;
using EnergyActors.Tests.Http;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// Single vehicle readings at a fixed concurrency, spread round-robin over known vehicles, with every
/// 200 tallied by the second it completed in, so a test can compare ingestion rates between two periods.
/// Bounded: it stops when asked or after <see cref="MaxRun"/>.
/// </summary>
public sealed class SteadyVehicleLoad : IAsyncDisposable
{
    private static readonly TimeSpan MaxRun = TimeSpan.FromMinutes(4);

    private readonly HttpClient _http;
    private readonly IReadOnlyList<string> _vehicleIds;
    private readonly DateTimeOffset _firstTimestamp;
    private readonly CancellationTokenSource _stop = new(MaxRun);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long[] _okPerSecond = new long[(int)MaxRun.TotalSeconds + 60];
    private readonly Task[] _workers;
    private long _sent;
    private long _unavailable;
    private long _failed;

    private SteadyVehicleLoad(Uri gateway, IReadOnlyList<string> vehicleIds, DateTimeOffset firstTimestamp, int concurrency)
    {
        _vehicleIds = vehicleIds;
        _firstTimestamp = firstTimestamp;
        _http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        _workers = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            _workers[w] = Task.Run(RunWorkerAsync);
        }
    }

    /// <summary>Time since the load started, the clock every other figure of this class is on.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public long Unavailable => Interlocked.Read(ref _unavailable);

    /// <summary>Answers other than 200 and 503, and transport failures (expected only while a silo is down).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Readings are stamped one millisecond apart from <paramref name="firstTimestamp"/> on, so none is a duplicate.</summary>
    public static SteadyVehicleLoad Start(Uri gateway, IReadOnlyList<string> vehicleIds, DateTimeOffset firstTimestamp, int concurrency) =>
        new(gateway, vehicleIds, firstTimestamp, concurrency);

    /// <summary>Readings acknowledged per second over whole seconds [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public double RatePerSecond(TimeSpan from, TimeSpan to)
    {
        var first = (int)from.TotalSeconds;
        var last = first + (int)Math.Round((to - from).TotalSeconds);
        if (last <= first)
        {
            return 0;
        }

        long ok = 0;
        for (var s = first; s < last; s++)
        {
            ok += Interlocked.Read(ref _okPerSecond[s]);
        }

        return (double)ok / (last - first);
    }

    /// <summary>Acknowledged readings per <paramref name="step"/> over the period, for a test's output.</summary>
    public string Profile(TimeSpan from, TimeSpan to, TimeSpan step)
    {
        var parts = new List<string>();
        for (var t = from; t + step <= to; t += step)
        {
            parts.Add(RatePerSecond(t, t + step).ToString("0", CultureInfo.InvariantCulture));
        }

        return string.Join(' ', parts);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunWorkerAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _sent);
            var vehicleId = _vehicleIds[(int)(n % _vehicleIds.Count)];
            var timestamp = _firstTimestamp.AddMilliseconds(n).ToString("O", CultureInfo.InvariantCulture);
            try
            {
                using var response = await _http.PostAsync(
                    new Uri("/v1/telemetry/vehicle", UriKind.Relative), Json.Body(Json.Vehicle(vehicleId, timestamp, soc: 50, kwh: 0.01, batteryTemp: 30)), token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref _okPerSecond[(int)_clock.Elapsed.TotalSeconds]);
                }
                else
                {
                    Interlocked.Increment(ref response.StatusCode == HttpStatusCode.ServiceUnavailable ? ref _unavailable : ref _failed);
                    await Task.Delay(100, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _failed);
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }
}
