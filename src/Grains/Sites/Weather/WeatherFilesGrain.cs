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
        FleetAccess.DemandOneFleet(Fleet, "upload a weather file");
        ArgumentNullException.ThrowIfNull(content);
        TypicalWeatherYear year;
        try
        {
            year = EpwReader.Read(name, content);
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
        FleetAccess.DemandOneFleet(Fleet, "list weather files");
        return store.List(Fleet);
    }

    public Task<bool> Delete(string name)
    {
        FleetAccess.DemandOneFleet(Fleet, "delete a weather file");
        return store.Delete(Fleet, name);
    }
}
