using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Grains.Sites.Weather;

/// <summary>The <c>weather_files</c> table, per fleet.</summary>
public interface IWeatherFileStore
{
    /// <summary>False when the fleet already holds <paramref name="max"/> other files.</summary>
    Task<bool> Save(string fleetId, WeatherFileInfo info, byte[] content, int max);

    Task<IReadOnlyList<WeatherFileInfo>> List(string fleetId);

    Task<bool> Delete(string fleetId, string name);

    Task<byte[]?> Content(string fleetId, string name);
}

/// <summary>Where a site finds the weather file it names: its fleet's uploads first, then the silos' weather directory.</summary>
public interface IWeatherFiles
{
    ValueTask<TypicalWeatherYear?> Find(string? fleetId, string name);
}
