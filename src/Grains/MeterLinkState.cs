namespace EnergyActors.Grains;

/// <summary>A meter's durable link to the vehicle its readings are attributed to.</summary>
[GenerateSerializer, Alias("ea.MeterLinkState")]
public sealed class MeterLinkState
{
    [Id(0)]
    public string? VehicleId { get; set; }

    [Id(1)]
    public DateTimeOffset LinkedAt { get; set; }
}
