namespace EnergyActors.Gateway.Contracts;

public sealed record SiteWeatherBody(double TemperatureC, double IrradianceWm2, double CloudCoverPercent, string Source);
