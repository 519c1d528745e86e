using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Alerts;

/// <summary>
/// DEVICE_SILENT on a fake clock: a meter that reported and then fell quiet past its fleet's rule is alerted, the alert
/// clears when it reports again, and a quiet site that was paused on purpose is forgotten instead.
/// </summary>
[Collection(SilenceClusterCollection.Name)]
public sealed class DeviceSilentTests(SilenceClusterFixture fixture)
{
    [Fact]
    public async Task A_meter_silent_past_the_rule_is_alerted_and_cleared_when_it_reports_again()
    {
        var meter = $"SIL-M-{Guid.NewGuid():N}"[..20];
        await fixture.Grains.GetGrain<IMeterGrain>(meter).Ingest([new MeterReading(DateTimeOffset.UtcNow.AddMinutes(-1), 1, 230, null)]);
        // The meter's report is one-way: wait until the watch has it before moving its clock.
        var watch = ISilenceWatchGrain.Watch.ShardFor(fixture.Grains, TestFleetScope.Fleet, meter);
        await UntilAsync(async () => await watch.LastSeen(meter) is not null, "the meter never told the silence watch it reported");

        SilenceClusterFixture.Clock.Advance(TimeSpan.FromMinutes(14));
        // Absence: several checks (every 100 ms) pass under the 15 minutes of the default rule.
        await Task.Delay(400);
        Assert.Empty(await ActiveAsync(meter));

        SilenceClusterFixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var alert = Assert.Single(await WaitForAsync(meter, active => active.Count == 1));
        Assert.Equal((AlertKinds.DeviceSilent, "major"), (alert.Kind, alert.Severity));
        Assert.Contains("No reading for 16 min", alert.Message, StringComparison.Ordinal);

        await watch.Seen(meter, 0);
        await WaitForAsync(meter, active => active.Count == 0);
        var history = await fixture.Grains.GetGrain<IAlertQueryGrain>(0).List(new AlertQuery(meter, null, 10));
        Assert.NotNull(Assert.Single(history).ClearedAt);
    }

    [Fact]
    public async Task A_forgotten_device_is_never_alerted()
    {
        var site = $"SIL-S-{Guid.NewGuid():N}"[..20];
        var watch = ISilenceWatchGrain.Watch.ShardFor(fixture.Grains, TestFleetScope.Fleet, site);
        await watch.Seen(site, 60);
        await UntilAsync(async () => await watch.LastSeen(site) is not null, "the silence watch never had the site's report");
        SilenceClusterFixture.Clock.Advance(TimeSpan.FromMinutes(90));
        // Absence: a site may be quiet for twice its interval, past the rule's 15 minutes.
        await Task.Delay(400);
        Assert.Empty(await ActiveAsync(site));
        // Forget is one-way too: wait until the watch has done it.
        await watch.Forget(site);
        await UntilAsync(async () => await watch.LastSeen(site) is null, "the silence watch never forgot the site");

        SilenceClusterFixture.Clock.Advance(TimeSpan.FromMinutes(60));
        await Task.Delay(400);
        Assert.Empty(await ActiveAsync(site));
    }

    private static async Task UntilAsync(Func<Task<bool>> done, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }

    private Task<IReadOnlyList<Alert>> ActiveAsync(string device) =>
        fixture.Grains.GetGrain<IAlertQueryGrain>(0).List(new AlertQuery(device, true, 10));

    private async Task<IReadOnlyList<Alert>> WaitForAsync(string device, Func<IReadOnlyList<Alert>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var active = await ActiveAsync(device);
            if (done(active))
            {
                return active;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the alerts of {device} did not settle: {active.Count} active");
            await Task.Delay(50);
        }
    }
}
