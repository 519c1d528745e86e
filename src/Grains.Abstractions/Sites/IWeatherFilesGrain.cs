using Orleans.Concurrency;

namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>A fleet's uploaded typical-year weather files (keyed by fleet id) for the gateway; the call's scope must be this fleet.</summary>
[Alias("ea.IWeatherFilesGrain")]
public interface IWeatherFilesGrain : IGrainWithStringKey
{
    /// <summary>The fleet may hold this many; one more is refused.</summary>
    public const int MaxPerFleet = 50;

    /// <summary>Reads the file as EPW and stores it (replacing one of the same name); the result says why not when it cannot.</summary>
    [Alias("Upload")]
    Task<WeatherFileUpload> Upload(string name, byte[] content);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<WeatherFileInfo>> List();

    /// <summary>False when the fleet has no such file. Sites naming it run on synthetic weather from then on.</summary>
    [Alias("Delete")]
    Task<bool> Delete(string name);
}

/// <summary>What an uploaded weather file was read as.</summary>
[GenerateSerializer, Immutable, Alias("ea.WeatherFileInfo")]
public sealed record WeatherFileInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] double Latitude,
    [property: Id(2)] double Longitude,
    [property: Id(3)] double UtcOffsetHours,
    [property: Id(4)] double AnnualGhiKwhPerM2,
    [property: Id(5)] DateTimeOffset UploadedAt);

/// <summary>The stored file, or why it was refused (<see cref="Full"/>: the fleet holds its maximum).</summary>
[GenerateSerializer, Immutable, Alias("ea.WeatherFileUpload")]
public sealed record WeatherFileUpload(
    [property: Id(0)] WeatherFileInfo? Stored,
    [property: Id(1)] string? Problem,
    [property: Id(2)] bool Full);
