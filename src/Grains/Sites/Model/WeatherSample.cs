namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// The weather over one interval. <see cref="IrradianceWm2"/> is global horizontal irradiance;
/// it is null when the source has none, and the model then derives it from clear-sky and cloud cover.
/// </summary>
public sealed record WeatherSample(double TemperatureC, double CloudCoverPercent, double? IrradianceWm2, string Source);
