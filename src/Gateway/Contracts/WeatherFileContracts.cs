using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Gateway.Contracts;

/// <summary>An uploaded weather file, as it was read: where and in which standard time it was recorded, and its year's sunshine.</summary>
public sealed record WeatherFileResponse(string Name, double Latitude, double Longitude, double UtcOffsetHours, double AnnualGhiKwhPerM2, DateTime UploadedAt)
{
    public static WeatherFileResponse From(WeatherFileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.Name, file.Latitude, file.Longitude, file.UtcOffsetHours, file.AnnualGhiKwhPerM2, file.UploadedAt.UtcDateTime);
    }
}

/// <summary>GET /v1/weather-files: the fleet's files by name.</summary>
public sealed record WeatherFileListResponse(IReadOnlyList<WeatherFileResponse> WeatherFiles);
