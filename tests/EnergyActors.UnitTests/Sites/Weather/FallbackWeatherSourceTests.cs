using EnergyActors.Grains.Sites;
using EnergyActors.Grains.Sites.Model;
using EnergyActors.Silo.Weather;
using EnergyActors.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EnergyActors.Tests.Sites.Weather;

/// <summary>The Open-Meteo client against a local Kestrel serving Open-Meteo's documented answer, its cache and its fallback.</summary>
public sealed class FallbackWeatherSourceTests : IAsyncLifetime
{
    private const string Answer = """
        {"latitude":52.52,"longitude":13.419998,"generationtime_ms":0.05,"utc_offset_seconds":0,"timezone":"GMT","timezone_abbreviation":"GMT","elevation":38.0,
         "current_units":{"time":"iso8601","interval":"seconds","temperature_2m":"°C","cloud_cover":"%","shortwave_radiation":"W/m²"},
         "current":{"time":"2026-06-21T12:00","interval":900,"temperature_2m":24.3,"cloud_cover":35,"shortwave_radiation":640.0}}
        """;

    private static readonly SiteSpec Berlin = new(SiteType.Residential, 52.52, 13.405, "Europe/Berlin", 10, 5, 8, 6, null, 1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 21, 12, 0, 0, TimeSpan.Zero));
    private WebApplication _server = null!;
    private int _requests;
    private bool _failing;

    private Uri BaseAddress { get; set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var port = FreePort.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _server = builder.Build();
        _server.MapGet("/v1/forecast", (HttpContext context) =>
        {
            Interlocked.Increment(ref _requests);
            if (_failing)
            {
                return Results.StatusCode(500);
            }

            var query = context.Request.Query;
            return query["current"].ToString().Contains("cloud_cover", StringComparison.Ordinal) && query["latitude"] == "52.5"
                ? Results.Text(Answer, "application/json")
                : Results.BadRequest();
        });
        await _server.StartAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Current_weather_comes_from_Open_Meteo_and_is_cached_per_location_for_an_hour()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var source = Source(http, enabled: true);

        var first = await source.Sample(Berlin, _clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(new WeatherSample(24.3, 35, 640, "open-meteo"), first);
        _clock.Advance(TimeSpan.FromMinutes(30));
        await source.Sample(Berlin with { Latitude = 52.49 }, _clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(1, _requests);

        _clock.Advance(TimeSpan.FromMinutes(31));
        await source.Sample(Berlin, _clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(2, _requests);
    }

    [Fact]
    public async Task A_failing_service_falls_back_to_synthetic_weather_and_is_left_alone_for_a_while()
    {
        _failing = true;
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var source = Source(http, enabled: true);

        var sample = await source.Sample(Berlin, _clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal("synthetic", sample.Source);
        Assert.Equal(SyntheticWeather.Sample(Berlin, _clock.GetUtcNow()), sample);
        await source.Sample(Berlin, _clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(1, _requests);

        _failing = false;
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("open-meteo", (await source.Sample(Berlin, _clock.GetUtcNow(), CancellationToken.None)).Source);
    }

    [Fact]
    public async Task An_unreachable_service_disabled_client_or_past_instant_uses_synthetic_weather()
    {
        using var unreachable = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/") };
        Assert.Equal("synthetic", (await Source(unreachable, enabled: true).Sample(Berlin, _clock.GetUtcNow(), CancellationToken.None)).Source);

        using var http = new HttpClient { BaseAddress = BaseAddress };
        Assert.Equal("synthetic", (await Source(http, enabled: false).Sample(Berlin, _clock.GetUtcNow(), CancellationToken.None)).Source);
        Assert.Equal("synthetic", (await Source(http, enabled: true).Sample(Berlin, _clock.GetUtcNow().AddDays(-30), CancellationToken.None)).Source);
        Assert.Equal(0, _requests);
    }

    private FallbackWeatherSource Source(HttpClient http, bool enabled) => new(
        new OpenMeteoClient(http),
        new SyntheticWeatherSource(),
        Options.Create(new OpenMeteoOptions { Enabled = enabled, BaseAddress = http.BaseAddress!, FailureBackoffSeconds = 60 }),
        _clock,
        NullLogger<FallbackWeatherSource>.Instance);
}
