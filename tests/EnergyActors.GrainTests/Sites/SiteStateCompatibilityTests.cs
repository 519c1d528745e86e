using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Tests.Infrastructure;
using Orleans.Core.Internal;

namespace EnergyActors.Tests.Sites;

/// <summary>
/// Site state as existing databases hold it. Grain storage writes JSON naming each object's .NET type, so a
/// renamed or moved state type would leave every stored site unreadable.
/// </summary>
[Collection(SiteClusterCollection.Name)]
public sealed class SiteStateCompatibilityTests(SiteClusterFixture fixture)
{
    // Written by the site grain before the battery had one type (trimmed load profile, distinctive battery figures).
    private const string StoredState = """
        {"$id":"1","$type":"EnergyActors.Grains.Sites.SiteState, EnergyActors.Grains",
         "Config":{"$id":"2","$type":"EnergyActors.Grains.Abstractions.Sites.SiteConfig, EnergyActors.Grains.Abstractions","Name":"stored","Type":"residential",
           "Latitude":52.52,"Longitude":13.405,"TimeZone":"Europe/Berlin","BatteryCapacityKwh":13.5,"BatteryMaxPowerKw":5.0,"SolarCapacityKw":8.0,
           "InverterCapacityKw":6.0,"IntervalMinutes":5,"Simulate":true,"Seed":42},
         "CreatedAt":"2026-06-21T00:00:00+00:00",
         "Battery":{"$id":"4","$type":"EnergyActors.Grains.Sites.SiteBattery, EnergyActors.Grains","Soc":60.0,"TemperatureC":20.0,"HealthPercent":90.0,
           "CycleCount":123.0,"ThroughputKwh":3321.0,"InverterTemperatureC":20.0,"CommissionedAt":"2026-06-21T00:00:00+00:00"},
         "LastIntervalEnd":"2026-06-21T00:10:00+00:00",
         "Latest":{"$id":"5","$type":"EnergyActors.Grains.Abstractions.Sites.SiteReading, EnergyActors.Grains.Abstractions","Timestamp":"2026-06-21T00:10:00+00:00",
           "IntervalMinutes":5.0,"LoadKw":1.1659860579187005,"BatteryKw":-1.2196928539357588,"Soc":48.41423929385155,"BatteryTemperatureC":19.857422522322032,
           "BatteryVoltage":52.49546798476557,"BatteryHealthPercent":99.99995358446539,"CycleCount":0.007928802609958471,"InverterAcKw":1.1659860579187005,
           "InverterDcKw":1.2196928539357588,"InverterEfficiency":0.9559669503319997,"InverterTemperatureC":22.74319946320649,"WeatherTemperatureC":18.622347861002424,
           "CloudCoverPercent":100.0,"WeatherSource":"synthetic","Hours":0.08333333333333333},
         "ActiveAlerts":{"$type":"System.Collections.Generic.HashSet`1[[System.String, System.Private.CoreLib]], System.Private.CoreLib","$values":[]}}
        """;

    [Fact]
    public async Task A_site_stored_before_is_read_and_simulates_on_from_its_stored_battery()
    {
        var id = $"site-{Guid.NewGuid():N}";
        var site = fixture.Grains.GetGrain<ISiteGrain>(id);
        await site.Create(new SiteConfig("new", "residential", 0, 0, "UTC", 10, 5, 5, 5, 5, Simulate: true, Running: false, 1, null));
        await site.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Task.Delay(200);
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            "WITH s AS (UPDATE orleansstorage SET payloadbinary = convert_to($2, 'UTF8') WHERE graintypestring = 'site' AND grainidextensionstring = $1 RETURNING 1) SELECT count(*) FROM s",
            id,
            StoredState));

        var info = await site.GetSite();
        Assert.Equal("stored", info!.Config.Name);
        Assert.False(info.Config.Running);
        var latest = await site.GetStatus();
        Assert.Equal(new DateTimeOffset(2026, 6, 21, 0, 10, 0, TimeSpan.Zero), latest!.Timestamp);
        Assert.Equal(48.41423929385155, latest.Soc);

        // A fresh battery would start at 0 cycles and full health; only the stored one can be past 123 cycles at 90 %.
        await site.Patch(new SitePatch(null, null, true, null, null, null, null, false));
        await fixture.AdvanceUntilRowsAsync(id, TimeSpan.FromMinutes(5), 1);
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM site_readings WHERE site_id = $1 AND cycle_count >= 123 AND battery_health_percent BETWEEN 89 AND 90", id));
    }
}
