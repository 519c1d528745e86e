using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Grains;

/// <summary>
/// Grain state and reminders in PostgreSQL are keyed by grain type, and clients reach grains by interface type:
/// renaming a class or an interface must move neither, or existing databases lose their sites, links and reminders.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class GrainIdentityTests(GrainClusterFixture fixture)
{
    [Fact]
    public void Grain_and_interface_types_are_the_ones_existing_databases_and_clients_know()
    {
        AssertIdentity(fixture.Grains.GetGrain<IMeterGrain>("m"), "meter", "ea.IMeterGrain");
        AssertIdentity(fixture.Grains.GetGrain<IVehicleGrain>("v"), "vehicle", "ea.IVehicleGrain");
        AssertIdentity(fixture.Grains.GetGrain<IVehicleLinkGrain>("v"), "vehiclelink", "ea.IVehicleLinkGrain");
        AssertIdentity(fixture.Grains.GetGrain<IIngestRouterGrain>(0), "ingestrouter", "ea.IIngestRouterGrain");
        AssertIdentity(fixture.Grains.GetGrain<IFleetIndexGrain>(0, "default", null), "fleetindex", "ea.IFleetIndexGrain");
        AssertIdentity(fixture.Grains.GetGrain<IFleetQueryGrain>(0), "fleet", "ea.IFleetGrain");
        AssertIdentity(fixture.Grains.GetGrain<IAlertQueryGrain>(0), "alerts", "ea.IAlertsGrain");
        AssertIdentity(fixture.Grains.GetGrain<ISiteGrain>("s"), "site", "ea.ISiteGrain");
        AssertIdentity(fixture.Grains.GetGrain<ISiteRegistryGrain>(0, "default", null), "siteregistry", "ea.ISiteRegistryGrain");
        AssertIdentity(fixture.Grains.GetGrain<ISiteQueryGrain>(0), "sitequery", "ea.ISiteQueryGrain");
        AssertIdentity(fixture.Grains.GetGrain<IFleetAccountGrain>("f"), "fleet-account", "ea.IFleetAccountGrain");
        AssertIdentity(fixture.Grains.GetGrain<IFleetDirectoryGrain>(0), "fleet-directory", "ea.IFleetDirectoryGrain");
        AssertIdentity(fixture.Grains.GetGrain<IApiKeyGrain>("k"), "api-key", "ea.IApiKeyGrain");
    }

    private static void AssertIdentity(IAddressable grain, string grainType, string interfaceType)
    {
        var reference = Assert.IsAssignableFrom<GrainReference>(grain);
        Assert.Equal(grainType, reference.GrainId.Type.ToString());
        Assert.Equal(interfaceType, reference.InterfaceType.ToString());
    }
}
