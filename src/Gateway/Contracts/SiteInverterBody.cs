namespace EnergyActors.Gateway.Contracts;

public sealed record SiteInverterBody(double AcKw, double DcKw, double Efficiency, double TemperatureC);
