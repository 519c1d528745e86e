using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EnergyActors.Tests.Http;

namespace EnergyActors.Tests.Sites;

/// <summary>
/// A residential site near Berlin at a 60-minute interval, created paused, replayed over one day and read back as its
/// 24 raw rows, through whichever client a test uses (its send: method, path, JSON body or null).
/// </summary>
public static class HourlyReplay
{
    public static async Task<JsonArray> DayAsync(
        Func<HttpMethod, string, string?, Task<HttpResponseMessage>> send, string? weatherFile, DateTimeOffset day, string? extraFields = null)
    {
        ArgumentNullException.ThrowIfNull(send);
        var id = $"hr-{Guid.NewGuid():N}"[..20];
        var file = weatherFile is null ? string.Empty : $",\"weatherFile\":\"{weatherFile}\"";
        using (var created = await send(HttpMethod.Post, "/v1/sites", $$"""
            {"siteId":"{{id}}","name":"On file","type":"residential","latitude":52.47,"longitude":13.4,"timeZone":"Europe/Berlin",
             "batteryCapacityKwh":10,"batteryMaxPowerKw":5,"solarCapacityKw":8,"inverterCapacityKw":6,"intervalMinutes":60,
             "running":false,"seed":7{{extraFields}}{{file}}}
            """))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(weatherFile, (string?)(await Json.ReadAsync(created))["weatherFile"]);
        }

        var to = day.AddDays(1);
        using (var replay = await send(HttpMethod.Post, $"/v1/sites/{id}/replay", $$"""{"from":"{{Iso(day)}}","to":"{{Iso(to)}}"}"""))
        {
            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((string)(await GetAsync(send, $"/v1/sites/{id}/replay"))["state"]! == "running")
        {
            Assert.True(DateTime.UtcNow < deadline, "the replay did not finish");
            await Task.Delay(100);
        }

        var rows = (await GetAsync(send, $"/v1/sites/{id}/history?from={Iso(day)}&to={Iso(to.AddMinutes(1))}&resolution=raw")).AsArray();
        Assert.Equal(24, rows.Count);
        return rows;
    }

    private static async Task<JsonNode> GetAsync(Func<HttpMethod, string, string?, Task<HttpResponseMessage>> send, string path)
    {
        using var response = await send(HttpMethod.Get, path, null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
