namespace EnergyActors.Grains;

/// <summary>The meter a vehicle is linked to, kept on the vehicle's side so it can be shown and unlinked.</summary>
[GenerateSerializer, Alias("ea.VehicleLinkState")]
public sealed class VehicleLinkState
{
    [Id(0)]
    public string? MeterId { get; set; }

    [Id(1)]
    public DateTimeOffset LinkedAt { get; set; }

    /// <summary>The fleet of the vehicle and its meter, judged when the link was made; null for a link from before fleets.</summary>
    [Id(2)]
    public string? Fleet { get; set; }
}
