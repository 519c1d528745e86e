using System.Net;
using Microsoft.Playwright;

namespace EnergyActors.Tests.OperatorConsole;

/// <summary>
/// The Orleans Dashboard behind the same keys as the API: an admin reaches it from the console (its page's own JSON
/// calls admitted by the session cookie the console asked for), an operator neither sees the link nor gets in.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class OrleansDashboardTests(ConsoleFixture fixture)
{
    private const string Dashboard = "/console/dashboard";

    [Fact]
    public async Task An_admin_picks_a_fleet_and_opens_the_orleans_dashboard_from_the_console()
    {
        var page = await fixture.SignInAsync(fixture.AdminKey);
        // An admin acts for every fleet; the console asks which one its pages show.
        await Assertions.Expect(page.Locator("select[aria-label=fleet] option").First).ToBeAttachedAsync();
        var link = page.Locator("#dashboard-link");
        await Assertions.Expect(link).ToBeVisibleAsync();

        var counters = page.WaitForResponseAsync(r => r.Url.Contains(Dashboard + "/DashboardCounters", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await link.ClickAsync();
        var answer = await counters;
        Assert.Equal((int)HttpStatusCode.OK, answer.Status);
        await Assertions.Expect(page.GetByText("Active Silos").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await fixture.ScreenshotAsync(page, "dashboard");

        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "EnergyActors-Dashboard");
        Assert.True(cookie.HttpOnly, "the dashboard session's cookie is readable by scripts");
        Assert.Equal(Dashboard, cookie.Path);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
    }

    [Fact]
    public async Task An_operator_sees_no_link_and_is_refused_by_the_dashboard_with_or_without_a_cookie()
    {
        var (_, operatorKey, _) = await fixture.FleetAsync("con-dash");
        var page = await fixture.SignInAsync(operatorKey);
        await Assertions.Expect(page.Locator("[data-testid=counts]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#dashboard-link")).ToBeHiddenAsync();

        using (var session = await fixture.SendAsync(HttpMethod.Post, "/v1/admin/dashboard-session", operatorKey))
        {
            Assert.Equal(HttpStatusCode.Forbidden, session.StatusCode);
        }

        var direct = await page.GotoAsync(new Uri(fixture.System.GatewayAddress, Dashboard + "/").ToString());
        Assert.Equal((int)HttpStatusCode.Unauthorized, direct!.Status);

        // An operator's key put in the cookie by hand is judged as the key it is: an operator's.
        using var http = new HttpClient { BaseAddress = fixture.System.GatewayAddress };
        using var forged = new HttpRequestMessage(HttpMethod.Get, Dashboard + "/DashboardCounters");
        forged.Headers.Add("Cookie", $"EnergyActors-Dashboard={operatorKey}");
        using var refused = await http.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Reading_grain_state_through_the_dashboard_is_refused_even_to_an_admin()
    {
        using var http = new HttpClient { BaseAddress = fixture.System.GatewayAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, Dashboard + "/GrainState?grainId=x&grainType=y");
        request.Headers.Add("Cookie", $"EnergyActors-Dashboard={fixture.AdminKey}");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
