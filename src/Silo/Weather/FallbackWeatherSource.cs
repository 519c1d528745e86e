using System.Collections.Concurrent;
using System.Text.Json;
using EnergyActors.Grains.Sites;
using EnergyActors.Grains.Sites.Model;
using Microsoft.Extensions.Options;

namespace EnergyActors.Silo.Weather;

/// <summary>
/// Open-Meteo first, cached per location (0.1° cells) for an hour, and the synthetic model whenever the
/// service fails, is backing off after a failure, or the instant asked for is not "now" (replays, catch-up).
/// </summary>
public sealed partial class FallbackWeatherSource(
    OpenMeteoClient openMeteo,
    SyntheticWeatherSource synthetic,
    IOptions<OpenMeteoOptions> options,
    TimeProvider time,
    ILogger<FallbackWeatherSource> logger) : IWeatherSource
{
    private static readonly TimeSpan CurrentTolerance = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<(int, int), (WeatherSample Sample, DateTimeOffset FetchedAt)> _cache = new();
    private DateTimeOffset _backOffUntil = DateTimeOffset.MinValue;

    public async ValueTask<WeatherSample> Sample(SiteSpec spec, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var now = time.GetUtcNow();
        if (!options.Value.Enabled || (at - now).Duration() > CurrentTolerance || now < _backOffUntil)
        {
            return await synthetic.Sample(spec, at, cancellationToken);
        }

        var cell = ((int)Math.Round(spec.Latitude * 10), (int)Math.Round(spec.Longitude * 10));
        if (_cache.TryGetValue(cell, out var cached) && now - cached.FetchedAt < TimeSpan.FromMinutes(options.Value.CacheMinutes))
        {
            return cached.Sample;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            var sample = await openMeteo.CurrentAsync(cell.Item1 / 10d, cell.Item2 / 10d, timeout.Token);
            _cache[cell] = (sample, now);
            return sample;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidDataException or NotSupportedException)
        {
            _backOffUntil = now.AddSeconds(options.Value.FailureBackoffSeconds);
            LogFallback(ex.GetType().Name, ex.Message);
            return await synthetic.Sample(spec, at, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Open-Meteo unavailable ({ExceptionType}: {Reason}); using synthetic weather")]
    private partial void LogFallback(string exceptionType, string reason);
}
