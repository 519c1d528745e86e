using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Hostile;

/// <summary>
/// The hostile-input corpus against a real gateway and silo: every case is answered with the 4xx it must get (never a
/// 5xx) naming the problem, and nothing of any refused request is stored: no history row, no grain state, no alert
/// under any id it carried, and the fixture site it aimed at unchanged.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class HostileInputTests(RunningSystemFixture fixture, ITestOutputHelper output)
{
    private const int Concurrency = 8;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_hostile_request_is_a_4xx_naming_the_problem_and_stores_nothing()
    {
        var corpus = HostileCorpus.Build(Guid.NewGuid().ToString("N")[..8]);
        Assert.True(corpus.Cases.Count >= 300, $"the corpus has only {corpus.Cases.Count} cases");
        Assert.Equal(corpus.Cases.Count, corpus.Cases.Select(c => c.Name).Distinct().Count());
        using (var created = await fixture.Http.PostAsync("/v1/sites", Json.Body(HostileEndpoints.FixtureSiteJson(corpus.FixtureSite))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var siteBefore = await fixture.Http.GetStringAsync(new Uri($"/v1/sites/{corpus.FixtureSite}", UriKind.Relative));
        var stopwatch = Stopwatch.StartNew();
        var failures = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(Concurrency);
        await Task.WhenAll(corpus.Cases.Select(async hostile =>
        {
            await gate.WaitAsync();
            try
            {
                var response = await RawHttp.SendAsync(fixture.System.GatewayAddress, hostile.Request, CaseTimeout);
                if (hostile.Expect.Failure(response) is { } failure)
                {
                    failures.Add($"{hostile.Name}: {failure}");
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                failures.Add($"{hostile.Name}: {ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                gate.Release();
            }
        }));
        output.WriteLine($"{corpus.Cases.Count} hostile cases in {stopwatch.Elapsed.TotalSeconds:F1} s, {failures.Count} failed");

        var stored = await StoredAsync(corpus.Cases.SelectMany(c => c.Witnesses).Distinct().ToArray());
        var siteAfter = await fixture.Http.GetStringAsync(new Uri($"/v1/sites/{corpus.FixtureSite}", UriKind.Relative));
        using var replay = await fixture.Http.GetAsync(new Uri($"/v1/sites/{corpus.FixtureSite}/replay", UriKind.Relative));
        if (siteAfter != siteBefore)
        {
            failures.Add($"the fixture site changed: {siteBefore} → {siteAfter}");
        }

        if (replay.StatusCode != HttpStatusCode.NotFound)
        {
            failures.Add($"a replay of the fixture site was started: {await replay.Content.ReadAsStringAsync()}");
        }

        failures.Add(stored.Count == 0 ? string.Empty : $"stored under ids of refused requests: {string.Join(", ", stored.Take(20))}");
        var report = failures.Where(f => f.Length > 0).Order(StringComparer.Ordinal).ToList();
        Assert.True(report.Count == 0, $"{report.Count} of {corpus.Cases.Count} hostile cases failed:\n" + string.Join('\n', report));
    }

    /// <summary>Which of <paramref name="ids"/> appear anywhere a request's data could have been kept.</summary>
    private async Task<List<string>> StoredAsync(string[] ids)
    {
        const string sql = """
            SELECT meter_id FROM meter_readings WHERE meter_id = ANY($1)
            UNION SELECT vehicle_id FROM meter_readings WHERE vehicle_id = ANY($1)
            UNION SELECT vehicle_id FROM vehicle_readings WHERE vehicle_id = ANY($1)
            UNION SELECT site_id FROM site_readings WHERE site_id = ANY($1)
            UNION SELECT site_id FROM site_rollups WHERE site_id = ANY($1)
            UNION SELECT device_id FROM alerts WHERE device_id = ANY($1)
            UNION SELECT grainidextensionstring FROM orleansstorage WHERE grainidextensionstring = ANY($1)
            """;
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        var stored = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
    }
}
