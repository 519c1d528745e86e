using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Grains.Sites;

/// <summary>The deterministic weather model: always available, the last link of every fallback chain.</summary>
public sealed class SyntheticWeatherSource : IWeatherSource
{
    public ValueTask<WeatherSample> Sample(SiteSpec spec, DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SyntheticWeather.Sample(spec, at));
}
