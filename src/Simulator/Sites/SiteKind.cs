namespace EnergyActors.Simulator.Sites;

/// <summary>A site type with the equipment a typical installation of that size has.</summary>
internal sealed record SiteKind(string Type, double BatteryCapacityKwh, double BatteryMaxPowerKw, double SolarCapacityKw, double InverterCapacityKw);
