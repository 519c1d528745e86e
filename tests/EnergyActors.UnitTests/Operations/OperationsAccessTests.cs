using System.Net;
using EnergyActors.ServiceDefaults;
using EnergyActors.ServiceDefaults.Operations;
using EnergyActors.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EnergyActors.Tests.Operations;

/// <summary>
/// A host with management URLs listens on them beside its public URLs, however those are configured, and serves only
/// the operations endpoints there (what callers on other machines see is checked by the system tests).
/// </summary>
public sealed class OperationsAccessTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Management_urls_join_the_public_ones_and_serve_only_the_operations_endpoints(bool kestrelEndpoints)
    {
        var publicUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var managementUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = new Dictionary<string, string?> { [ManagementUrls.SettingName] = managementUrl };
        settings[kestrelEndpoints ? "Kestrel:Endpoints:Public:Url" : "urls"] = publicUrl;
        await using var app = Build(settings);
        await app.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, $"{publicUrl}/v1/thing"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, $"{publicUrl}/health/live"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, $"{managementUrl}/health/live"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, $"{managementUrl}/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(http, $"{managementUrl}/v1/thing"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(http, $"{managementUrl}/"));
        await app.StopAsync();
    }

    [Fact]
    public void A_management_url_on_a_public_port_stops_the_host_before_it_listens()
    {
        var port = FreePort.Next();
        var refusal = Assert.Throws<InvalidOperationException>(() => Build(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            [ManagementUrls.SettingName] = $"http://0.0.0.0:{port}",
        }));

        Assert.Contains($"port {port} is also served", refusal.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.ConfigureKestrel((context, kestrel) => kestrel.Configure(context.Configuration.GetSection("Kestrel")));
        builder.Services.AddRouting();
        builder.Services.AddHealthChecks();
        builder.Services.AddLogging(logging => logging.ClearProviders());
        builder.AddEnergyActorsTelemetry("operations-access-tests");
        builder.AddManagementUrls();
        var app = builder.Build();
        app.UseRouting();
        app.UseOperationsAccess();
        app.MapOperationsEndpoints();
        app.MapGet("/v1/thing", () => "thing");
        return app;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(new Uri(url));
        return response.StatusCode;
    }
}
