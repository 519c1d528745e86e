using System.Collections.Concurrent;
using EnergyActors.Grains.Sites;
using EnergyActors.Grains.Sites.Model;
using EnergyActors.Grains.Sites.Weather;
using Microsoft.Extensions.Options;

namespace EnergyActors.Silo.Weather;

/// <summary>
/// A site that names a weather file runs on it, live and in replays alike; every other site (and one whose file is
/// missing or unreadable, which is logged once) gets the weather of the source this one wraps. Files are read once per
/// silo and kept: a typical year is 8,760 hours, about 200 KB in memory.
/// </summary>
public sealed partial class WeatherFileSource(
    IWeatherSource inner,
    IOptions<WeatherFileOptions> options,
    ILogger<WeatherFileSource> logger) : IWeatherSource
{
    private readonly ConcurrentDictionary<string, Lazy<TypicalWeatherYear?>> _years = new(StringComparer.Ordinal);

    public ValueTask<WeatherSample> Sample(SiteSpec spec, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.WeatherFile is { } name && Find(name) is { } year)
        {
            return ValueTask.FromResult(year.Sample(at));
        }

        return inner.Sample(spec, at, cancellationToken);
    }

    public TypicalWeatherYear? Find(string name) =>
        _years.GetOrAdd(name, n => new Lazy<TypicalWeatherYear?>(() => Load(n))).Value;

    private TypicalWeatherYear? Load(string name)
    {
        var directory = options.Value.Directory;
        // Names are checked by the gateway too; a name that leaves the directory is never read.
        if (string.IsNullOrEmpty(directory) || name != Path.GetFileName(name) || name.StartsWith('.'))
        {
            LogUnavailable(name, "no Weather:Files:Directory is configured, or the name is not a plain file name");
            return null;
        }

        var path = Path.Combine(directory, name);
        try
        {
            using var reader = new StreamReader(path);
            var year = EpwReader.Read(Path.GetFileNameWithoutExtension(name), reader);
            LogLoaded(name, year.Latitude, year.Longitude, year.AnnualGhiKwhPerM2);
            return year;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            LogUnavailable(name, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weather file {Name} read: {Latitude}, {Longitude}, {AnnualGhi:0} kWh/m² a year")]
    private partial void LogLoaded(string name, double latitude, double longitude, double annualGhi);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Weather file {Name} cannot be used ({Reason}); its sites run on synthetic weather")]
    private partial void LogUnavailable(string name, string reason);
}
