using System.Net;
using EnergyActors.Tests.Access;
using EnergyActors.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EnergyActors.Tests.OperatorConsole;

/// <summary>
/// A secure system (keys required, one gateway) and Debian's Chromium driven by Playwright, shared by the console's
/// browser tests. Each test makes its own fleet and keys, so no test sees another's devices.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly SecureSystemFixture _secure = new(gateways: 1);
    private IPlaywright? _playwright;

    public RunningSystem System => _secure.System;

    /// <summary>The gateway's configured admin key.</summary>
    public string AdminKey => _secure.AdminKey;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// A simulated site (1-minute interval) and its fleet's operator key, made first: its first interval comes at the
    /// next minute boundary, which the site test may then not have to wait for.
    /// </summary>
    public (string SiteId, string Operator) Site { get; private set; }

    /// <summary>Where each page's screenshot is kept (artifacts/console under the repository).</summary>
    public string Screenshots { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "console");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        await _secure.InitializeAsync();
        var (_, siteOperator, _) = await FleetAsync("con-site");
        var siteId = $"con-site-{Guid.NewGuid():N}"[..20];
        using (var created = await SendAsync(HttpMethod.Post, "/v1/sites", siteOperator, SiteJson(siteId)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        Site = (siteId, siteOperator);
        _playwright = await Playwright.CreateAsync();
        // Playwright adds --no-sandbox (root), --disable-background-networking and a profile of its own; this machine's
        // closed network also wants QUIC, sync and the GPU off.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--disable-gpu", "--disable-quic", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _secure.DisposeAsync();
    }

    /// <summary>A page at 1280×800 (or a phone's width), signed in to the console with <paramref name="key"/>.</summary>
    public async Task<IPage> SignInAsync(string key, int width = 1280, int height = 800)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync(new Uri(System.GatewayAddress, "/").ToString());
        await page.FillAsync("input[name=key]", key);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#nav")).ToBeVisibleAsync();
        return page;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, string? json = null) =>
        _secure.SendAsync(method, path, key, json);

    /// <summary>A new fleet with an operator key and a device key.</summary>
    public async Task<(string FleetId, string Operator, string Device)> FleetAsync(string prefix)
    {
        var fleetId = await _secure.CreateFleetAsync(prefix);
        return (fleetId, (await _secure.CreateKeyAsync(fleetId, "operator")).Key, (await _secure.CreateKeyAsync(fleetId, "device")).Key);
    }

    private static string SiteJson(string site) =>
        $$"""{"siteId":"{{site}}","name":"Console test","type":"residential","latitude":52.52,"longitude":13.405,"timeZone":"Europe/Berlin","batteryCapacityKwh":10,"batteryMaxPowerKw":5,"solarCapacityKw":8,"inverterCapacityKw":6,"intervalMinutes":1,"seed":7}""";
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
