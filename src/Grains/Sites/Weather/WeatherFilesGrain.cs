using System.Text;
using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Access;
using Orleans.Concurrency;

namespace EnergyActors.Grains.Sites.Weather;

/// <summary>A fleet's weather files in the store, for the gateway; any silo may answer. A file is read before it is kept.</summary>
[GrainType("weather-files")]
[StatelessWorker]
public sealed class WeatherFilesGrain(IWeatherFileStore store, TimeProvider time) : Grain, IWeatherFilesGrain
{
    private string Fleet => this.GetPrimaryKeyString();

    public async Task<WeatherFileUpload> Upload(string name, byte[] content)
    {
        DemandOwnFleet("upload a weather file");
        ArgumentNullException.ThrowIfNull(content);
        TypicalWeatherYear year;
        try
        {
            using var reader = new StreamReader(new MemoryStream(content), new UTF8Encoding(false, throwOnInvalidBytes: false));
            year = EpwReader.Read(Path.GetFileNameWithoutExtension(name), reader);
        }
        catch (InvalidDataException ex)
        {
            return new WeatherFileUpload(null, ex.Message, Full: false);
        }

        var info = new WeatherFileInfo(name, year.Latitude, year.Longitude, year.UtcOffsetHours, year.AnnualGhiKwhPerM2, time.GetUtcNow());
        return await store.Save(Fleet, info, content, IWeatherFilesGrain.MaxPerFleet)
            ? new WeatherFileUpload(info, null, Full: false)
            : new WeatherFileUpload(null, null, Full: true);
    }

    public Task<IReadOnlyList<WeatherFileInfo>> List()
    {
        DemandOwnFleet("list weather files");
        return store.List(Fleet);
    }

    public Task<bool> Delete(string name)
    {
        DemandOwnFleet("delete a weather file");
        return store.Delete(Fleet, name);
    }

    private void DemandOwnFleet(string what)
    {
        if (FleetAccess.OneFleet(what) != Fleet)
        {
            throw FleetAccessException.OtherFleet(what);
        }
    }
}
