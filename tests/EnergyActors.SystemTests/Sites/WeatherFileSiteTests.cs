using System.Text.Json.Nodes;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using EnergyActors.Tests.Weather;

namespace EnergyActors.Tests.Sites;

/// <summary>
/// A site that names a typical-year EPW file from the silos' weather directory replays (and runs) on it: each hourly
/// interval carries the file's hour, in the file's local standard time; a site naming no file, or a file the silos do
/// not have, stays on synthetic weather.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class WeatherFileSiteTests(RunningSystemFixture fixture)
{
    [Fact]
    public async Task A_replay_runs_on_the_sites_weather_file_hour_by_hour()
    {
        var day = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var onFile = await ReplayDayAsync(RunningSystemFixture.WeatherFile, day);
        foreach (var row in onFile)
        {
            // An hour ending at UTC e ends at e + 1 h in the file's standard time (UTC+1): the file's row for that hour.
            var localEnd = ((DateTime)row!["timestamp"]!).AddHours(EpwFixture.UtcOffset);
            var (fileDay, fileHour) = localEnd.Hour == 0 ? (localEnd.DayOfYear - 2, 24) : (localEnd.DayOfYear - 1, localEnd.Hour);
            var weather = row["weather"]!;
            Assert.Equal("epw:berlin-typical", (string)weather["source"]!);
            Assert.Equal(EpwFixture.Ghi(fileDay, fileHour), (double)weather["irradianceWm2"]!, 6);
            Assert.Equal(EpwFixture.Temperature(fileDay, fileHour), (double)weather["temperatureC"]!, 2);
        }

        Assert.Contains(onFile, r => (double)r!["solarKw"]! > 0);
        Assert.All(await ReplayDayAsync(null, day), r => Assert.Equal("synthetic", (string)r!["weather"]!["source"]!));
        Assert.All(await ReplayDayAsync("nowhere.epw", day), r => Assert.Equal("synthetic", (string)r!["weather"]!["source"]!));
    }

    private async Task<JsonArray> ReplayDayAsync(string? weatherFile, DateTimeOffset day) =>
        await HourlyReplay.DayAsync(SendAsync, weatherFile, day, extraFields: ",\"tilt\":0");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = json is null ? null : Json.Body(json) };
        return await fixture.Http.SendAsync(request);
    }
}
