using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EnergyActors.Tests.Access;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Weather;

namespace EnergyActors.Tests.Sites;

/// <summary>
/// Weather files uploaded through the API: read before they are kept (400 naming the line otherwise), listed, run on by
/// the fleet's sites in replays, never by another fleet's sites, and deleted.
/// </summary>
[Collection(SecureSystemCollection.Name)]
public sealed class WeatherFileUploadTests(SecureSystemFixture fixture)
{
    [Fact]
    public async Task A_fleets_uploaded_file_runs_its_sites_and_no_other_fleets()
    {
        var mine = (await fixture.CreateKeyAsync(await fixture.CreateFleetAsync("epw-a"), "operator")).Key;
        var theirs = (await fixture.CreateKeyAsync(await fixture.CreateFleetAsync("epw-b"), "operator")).Key;
        var name = $"up-{Guid.NewGuid():N}"[..12] + ".epw";

        using (var uploaded = await UploadAsync(mine, name, EpwFixture.Write()))
        {
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
            var file = await Json.ReadAsync(uploaded);
            Assert.Equal((name, EpwFixture.Latitude, EpwFixture.UtcOffset), ((string)file["name"]!, (double)file["latitude"]!, (double)file["utcOffsetHours"]!));
            Assert.True((double)file["annualGhiKwhPerM2"]! > 0);
        }

        using (var listed = await fixture.SendAsync(HttpMethod.Get, "/v1/weather-files", mine))
        {
            Assert.Contains((await Json.ReadAsync(listed))["weatherFiles"]!.AsArray(), f => (string)f!["name"]! == name);
        }

        using (var listed = await fixture.SendAsync(HttpMethod.Get, "/v1/weather-files", theirs))
        {
            Assert.DoesNotContain((await Json.ReadAsync(listed))["weatherFiles"]!.AsArray(), f => (string)f!["name"]! == name);
        }

        var day = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        Assert.All(await ReplayDayAsync(mine, name, day), r => Assert.Equal("epw:" + name[..^4], (string)r!["weather"]!["source"]!));
        Assert.All(await ReplayDayAsync(theirs, name, day), r => Assert.Equal("synthetic", (string)r!["weather"]!["source"]!));

        using (var refused = await fixture.SendAsync(HttpMethod.Delete, $"/v1/weather-files/{name}", theirs))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using (var deleted = await fixture.SendAsync(HttpMethod.Delete, $"/v1/weather-files/{name}", mine))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
    }

    [Fact]
    public async Task A_file_that_cannot_be_used_is_refused_naming_the_problem()
    {
        var key = (await fixture.CreateKeyAsync(await fixture.CreateFleetAsync("epw-bad"), "operator")).Key;
        var broken = EpwFixture.Write().Replace("\r\n1991,1,1,5,0,", "\r\n1991,1,1,x5,0,", StringComparison.Ordinal);
        foreach (var (name, body, field, named) in new[]
        {
            ("broken.epw", broken, "body", "line 13"),
            ("short.epw", "LOCATION,X,,,,,52,13,1,0\r\n", "body", "8 header lines"),
            ("empty.epw", string.Empty, "body", "weather file"),
            ("berlin.csv", EpwFixture.Write(), "name", ".epw"),
        })
        {
            using var refused = await UploadAsync(key, name, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await Json.ReadAsync(refused);
            Assert.Contains(named, (string)problem["errors"]![field]![0]!, StringComparison.Ordinal);
        }

        // Plain text is what a browser sends cross-site without asking: refused before anything is read.
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/v1/weather-files/plain.epw", UriKind.Relative))
        {
            Content = new StringContent(EpwFixture.Write(), Encoding.UTF8, "text/plain"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        using var plain = await fixture.System.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
    }

    private async Task<HttpResponseMessage> UploadAsync(string key, string name, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/v1/weather-files/{name}", UriKind.Relative))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        return await fixture.System.Http.SendAsync(request);
    }

    private Task<JsonArray> ReplayDayAsync(string key, string weatherFile, DateTimeOffset day) =>
        HourlyReplay.DayAsync((method, path, json) => fixture.SendAsync(method, path, key, json), weatherFile, day);
}
