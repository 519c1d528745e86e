using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Grains.Sites;

/// <summary>Weather for a site at an instant; <see cref="WeatherSample.Source"/> names where it came from.</summary>
public interface IWeatherSource
{
    ValueTask<WeatherSample> Sample(SiteSpec spec, DateTimeOffset at, CancellationToken cancellationToken);
}
