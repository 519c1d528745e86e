namespace EnergyActors.Simulator.Fleet;

/// <summary>How many vehicles of the fleet fall in each efficiency class.</summary>
internal sealed record FleetComposition(int Healthy, int Faulty, int SensorFault);
