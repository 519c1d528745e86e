using System.Globalization;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Silo.Weather;

/// <summary>A typed HTTP client for Open-Meteo's current conditions at a location.</summary>
public sealed class OpenMeteoClient(HttpClient http)
{
    public const string Source = "open-meteo";

    public async Task<WeatherSample> CurrentAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"v1/forecast?latitude={latitude:0.####}&longitude={longitude:0.####}&current=temperature_2m,cloud_cover,shortwave_radiation&timezone=UTC");
        var response = await http.GetFromJsonAsync<OpenMeteoResponse>(query, cancellationToken);
        var current = response?.Current;
        if (current?.Temperature is not { } temperature || current.CloudCover is not { } cloud || !double.IsFinite(temperature) || !double.IsFinite(cloud))
        {
            throw new InvalidDataException("Open-Meteo answered without current temperature_2m and cloud_cover.");
        }

        return new WeatherSample(temperature, Math.Clamp(cloud, 0, 100), current.ShortwaveRadiation is { } r && double.IsFinite(r) ? Math.Max(0, r) : null, Source);
    }
}
