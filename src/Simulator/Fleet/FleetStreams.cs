namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// Stream tags for <see cref="Shared.StableHash"/>: each kind of draw gets its own stream, so adding a
/// draw to one never shifts the values of another.
/// </summary>
internal static class FleetStreams
{
    public const ulong Profile = 0xF1EE7_0001;
    public const ulong Day = 0xF1EE7_0002;
    public const ulong VehicleNoise = 0xF1EE7_0003;
    public const ulong MeterNoise = 0xF1EE7_0004;
}
