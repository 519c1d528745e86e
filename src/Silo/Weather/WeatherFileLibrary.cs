using EnergyActors.Grains.Sites.Weather;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace EnergyActors.Silo.Weather;

/// <summary>
/// Finds the weather file a site names: its fleet's upload first, then <c>Weather:Files:Directory</c>. What is read is
/// kept a minute per silo (a typical year is about 200 KB in memory), so a new upload or a deletion reaches every site
/// within a minute; a file that cannot be used is logged, and its sites run on synthetic weather.
/// </summary>
public sealed partial class WeatherFileLibrary(
    IWeatherFileStore store,
    IOptions<WeatherFileOptions> options,
    ILogger<WeatherFileLibrary> logger) : IWeatherFiles, IDisposable
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    private readonly MemoryCache _years = new(new MemoryCacheOptions { SizeLimit = 64 });

    public async ValueTask<TypicalWeatherYear?> Find(string? fleetId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = (fleetId, name);
        if (_years.TryGetValue(key, out TypicalWeatherYear? known))
        {
            return known;
        }

        var year = await LoadAsync(fleetId, name);
        _years.Set(key, year, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeepFor, Size = 1 });
        return year;
    }

    public void Dispose() => _years.Dispose();

    private async Task<TypicalWeatherYear?> LoadAsync(string? fleetId, string name)
    {
        try
        {
            if (fleetId is not null && await store.Content(fleetId, name) is { } uploaded)
            {
                return EpwReader.Read(name, uploaded);
            }

            var directory = options.Value.Directory;
            // Names are checked by the gateway too; a name that would leave the directory is never read.
            if (string.IsNullOrEmpty(directory) || name != Path.GetFileName(name) || name.StartsWith('.'))
            {
                LogUnavailable(name, "the fleet has uploaded no such file and no Weather:Files:Directory holds it");
                return null;
            }

            var year = EpwReader.Read(name, await File.ReadAllBytesAsync(Path.Combine(directory, name)));
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
