namespace EnergyActors.Grains;

/// <summary>The grain storage provider grains keep their small durable state in (links, site state).</summary>
public static class GrainStorage
{
    public const string Name = "Default";
}
