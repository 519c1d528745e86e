namespace EnergyActors.Gateway.Contracts;

public sealed record SiteBatteryBody(double Soc, double TemperatureC, double Voltage, double HealthPercent, double CycleCount);
