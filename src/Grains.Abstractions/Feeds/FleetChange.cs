using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Grains.Abstractions.Feeds;

/// <summary>What changed in a fleet, as its feed tells whoever watches it (the gateway's live event stream).</summary>
[GenerateSerializer, Immutable, Alias("ea.FleetChange")]
public sealed record FleetChange
{
    /// <summary>Vehicles whose figures the fleet index took since its last change of this kind (at most <see cref="MaxVehicleIds"/>).</summary>
    [Id(0)]
    public IReadOnlyList<string> VehicleIds { get; init; } = [];

    /// <summary>More vehicles changed than <see cref="VehicleIds"/> names.</summary>
    [Id(6)]
    public bool MoreVehicles { get; init; }

    /// <summary>An alert raised (<see cref="AlertActive"/> true) or cleared on <see cref="DeviceId"/>.</summary>
    [Id(1)]
    public string? DeviceId { get; init; }

    [Id(2)]
    public string? AlertKind { get; init; }

    [Id(3)]
    public bool AlertActive { get; init; }

    /// <summary>A site's newest interval.</summary>
    [Id(4)]
    public string? SiteId { get; init; }

    [Id(5)]
    public SiteReading? SiteReading { get; init; }

    public const int MaxVehicleIds = 1_000;

    public static FleetChange ForVehicles(IReadOnlyCollection<string> vehicleIds) =>
        new() { VehicleIds = vehicleIds.Take(MaxVehicleIds).ToArray(), MoreVehicles = vehicleIds.Count > MaxVehicleIds };

    public static FleetChange ForAlert(string deviceId, string kind, bool active) => new() { DeviceId = deviceId, AlertKind = kind, AlertActive = active };

    public static FleetChange ForSite(string siteId, SiteReading reading) => new() { SiteId = siteId, SiteReading = reading };
}
