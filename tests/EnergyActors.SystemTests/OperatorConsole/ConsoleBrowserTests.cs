using System.Net;
using System.Text.RegularExpressions;
using EnergyActors.Tests.Http;
using Microsoft.Playwright;

namespace EnergyActors.Tests.OperatorConsole;

/// <summary>
/// The console in a real browser (Debian's Chromium), against a real gateway and silo: what an operator sees follows
/// what the API takes, pushed by the server, for the operator's own fleet only. Each page's screenshot is kept.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ConsoleBrowserTests(ConsoleFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };

    [Fact]
    public async Task A_vehicle_ingested_through_the_api_appears_on_the_fleet_page_without_a_reload_and_its_page_charts_its_points()
    {
        var (_, operatorKey, deviceKey) = await fixture.FleetAsync("con-fleet");
        var page = await fixture.SignInAsync(operatorKey);
        await Assertions.Expect(page.Locator("[data-testid=counts]")).ToBeVisibleAsync();

        var vehicle = $"CON-V-{Guid.NewGuid():N}"[..18];
        var now = DateTimeOffset.UtcNow;
        for (var minutes = 50; minutes >= 10; minutes -= 20)
        {
            await IngestAsync(deviceKey, "/v1/telemetry/vehicle", Json.Vehicle(vehicle, Stamp(now.AddMinutes(-minutes))));
        }

        var row = page.Locator($"[data-testid=fleet-vehicles] tr[data-vehicle='{vehicle}']");
        await Assertions.Expect(row).ToBeVisibleAsync(Live);
        await fixture.ScreenshotAsync(page, "fleet");

        await row.Locator("a").ClickAsync();
        var energy = page.Locator("[data-testid=energy-chart]");
        await Assertions.Expect(energy.Locator("canvas")).ToBeVisibleAsync();
        await Assertions.Expect(energy).ToHaveAttributeAsync("data-points", new Regex("^[1-9]"));
        await Assertions.Expect(page.Locator("[data-testid=battery-chart] canvas")).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "vehicle");
    }

    [Fact]
    public async Task An_alert_raised_by_a_critical_vehicle_appears_live_is_acknowledged_and_another_fleets_devices_never_do()
    {
        var (_, operatorKey, deviceKey) = await fixture.FleetAsync("con-alert");
        var (_, _, otherDevice) = await fixture.FleetAsync("con-other");
        // Judged on its first readings (no hold-off): the fleet is new, so no silo holds its rules yet.
        using (var rules = await fixture.SendAsync(HttpMethod.Put, "/v1/alert-rules", operatorKey, Json.ImmediateEfficiencyRules))
        {
            Assert.Equal(HttpStatusCode.OK, rules.StatusCode);
        }

        var page = await fixture.SignInAsync(operatorKey);
        await page.ClickAsync("a[href='#/alerts']");
        await Assertions.Expect(page.Locator("[data-testid=alerts]")).ToBeVisibleAsync();

        var (vehicle, meter, foreign) = ($"CON-V-{Guid.NewGuid():N}"[..18], $"CON-M-{Guid.NewGuid():N}"[..18], $"CON-X-{Guid.NewGuid():N}"[..18]);
        var at = Stamp(DateTimeOffset.UtcNow.AddMinutes(-5));
        // 10 kWh in at the charger for 1 kWh delivered to the battery: an efficiency of 0.1, CRITICAL.
        await IngestAsync(deviceKey, "/v1/telemetry/vehicle", Json.Vehicle(vehicle, at, kwh: 1));
        await IngestAsync(deviceKey, "/v1/telemetry/meter", Json.Meter(meter, at, kwh: 10, vehicleId: vehicle));
        await IngestAsync(otherDevice, "/v1/telemetry/vehicle", Json.Vehicle(foreign, at, kwh: 1));

        var alertRow = page.Locator($"[data-testid=alerts] tr[data-device='{vehicle}']");
        await Assertions.Expect(alertRow).ToBeVisibleAsync(Live);
        await fixture.ScreenshotAsync(page, "alerts");
        // The note's prompt is dismissed (Playwright's default): acknowledged without one.
        await alertRow.Locator("[data-testid=ack]").ClickAsync();
        await Assertions.Expect(alertRow).ToContainTextAsync("acknowledged by");

        await page.ClickAsync("a[href='#/fleet']");
        await Assertions.Expect(page.Locator($"tr[data-vehicle='{vehicle}']")).ToBeVisibleAsync(Live);
        Assert.Equal(0, await page.Locator($"text={foreign}").CountAsync());
    }

    [Fact]
    public async Task A_sites_page_shows_its_power_flow_live_and_a_chart_and_pausing_it_stops_its_ticks()
    {
        var (site, operatorKey) = fixture.Site;
        var page = await fixture.SignInAsync(operatorKey);
        await page.ClickAsync("a[href='#/sites']");
        await page.ClickAsync($"a[href='#/sites/{site}']");
        var flow = page.Locator("[data-testid=power-flow]");
        // A new site's first interval comes at the next minute boundary, and the page shows it when the server pushes it.
        await Assertions.Expect(flow.Locator("[data-flow=solar]")).ToBeVisibleAsync(new() { Timeout = 75_000 });
        foreach (var kind in new[] { "battery", "grid", "load" })
        {
            await Assertions.Expect(flow.Locator($"[data-flow={kind}]")).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator("[data-testid=site-chart] canvas")).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "site");

        await page.ClickAsync("[data-testid=pause]");
        await Assertions.Expect(page.Locator("[data-testid=pause]")).ToHaveTextAsync("Resume");
        var before = await StatusTimestampAsync(operatorKey, site);
        // Past the next minute boundary a running site would have a newer interval.
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(60 - now.Second + 5));
        Assert.Equal(before, await StatusTimestampAsync(operatorKey, site));
    }

    [Fact]
    public async Task The_console_is_usable_at_a_phones_width()
    {
        var (_, operatorKey, _) = await fixture.FleetAsync("con-phone");
        var page = await fixture.SignInAsync(operatorKey, width: 390, height: 844);
        await Assertions.Expect(page.Locator("[data-testid=counts]")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the fleet page scrolls sideways at a phone's width");
        await fixture.ScreenshotAsync(page, "fleet-phone");
    }

    private async Task IngestAsync(string key, string path, string json)
    {
        using var response = await fixture.SendAsync(HttpMethod.Post, path, key, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> StatusTimestampAsync(string key, string site)
    {
        using var response = await fixture.SendAsync(HttpMethod.Get, $"/v1/sites/{site}/status", key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await Json.ReadAsync(response))["timestamp"]!;
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
