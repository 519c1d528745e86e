using System.Globalization;
using System.Net;
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
        Assert.Equal(24, onFile.Count);
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

    private async Task<JsonArray> ReplayDayAsync(string? weatherFile, DateTimeOffset day)
    {
        var id = $"epw-{Guid.NewGuid():N}"[..20];
        var file = weatherFile is null ? string.Empty : $",\"weatherFile\":\"{weatherFile}\"";
        using (var created = await fixture.Http.PostAsync("/v1/sites", Json.Body($$"""
            {"siteId":"{{id}}","name":"On file","type":"residential","latitude":52.47,"longitude":13.4,"timeZone":"Europe/Berlin",
             "batteryCapacityKwh":10,"batteryMaxPowerKw":5,"solarCapacityKw":8,"inverterCapacityKw":6,"intervalMinutes":60,
             "running":false,"seed":7,"tilt":0{{file}}}
            """)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var site = await Json.ReadAsync(created);
            Assert.Equal(weatherFile, (string?)site["weatherFile"]);
        }

        var to = day.AddDays(1);
        using (var replay = await fixture.Http.PostAsync(new Uri($"/v1/sites/{id}/replay", UriKind.Relative), Json.Body($$"""{"from":"{{Iso(day)}}","to":"{{Iso(to)}}"}""")))
        {
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((string)(await GetAsync($"/v1/sites/{id}/replay"))["state"]! == "running")
        {
            Assert.True(DateTime.UtcNow < deadline, "the replay did not finish");
            await Task.Delay(100);
        }

        return (await GetAsync($"/v1/sites/{id}/history?from={Iso(day)}&to={Iso(to.AddMinutes(1))}&resolution=raw")).AsArray();
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        using var response = await fixture.Http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
