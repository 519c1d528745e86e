using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Robustness;

/// <summary>
/// Through real processes: innocent clients ingest while others send readings PostgreSQL refuses (here a CHECK
/// rule on voltage that the API does not know). The poison readings get a 400 naming 'voltage' (by index inside a
/// batch, whose other items are taken); every innocent reading gets a 200 and is in history; nobody gets a 503.
/// </summary>
public sealed class PoisonRowHttpTests(ITestOutputHelper output)
{
    private const double PoisonVoltage = 1234.5;
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Poison_readings_get_400_by_field_while_every_innocent_reading_in_the_same_flushes_gets_200_and_is_stored()
    {
        await using var database = await TestDatabase.CreateAsync("poisonhttp");
        await database.ScalarAsync($"ALTER TABLE meter_readings ADD CONSTRAINT meter_readings_voltage_check CHECK (voltage <> {PoisonVoltage.ToString(CultureInfo.InvariantCulture)})");
        // A wider flush window than the default 2 ms, so poison and innocent rows certainly share commits.
        await using var system = await RunningSystem.StartAsync(database.ConnectionString, extraSiloSettings: new Dictionary<string, string> { ["History__Writer__MaxBatchDelayMilliseconds"] = "20" });
        var run = Guid.NewGuid().ToString("N")[..8];
        var acknowledged = new ConcurrentBag<(string Table, string Column, string Id, DateTimeOffset At)>();
        var wrong = new ConcurrentQueue<string>();
        var (poisonSingles, poisonBatches) = (0, 0);
        // Innocent clients keep going until every poison client has sent its fixed share.
        using var stop = new CancellationTokenSource();

        var innocent = Enumerable.Range(0, 12).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var at = T0.AddSeconds(i);
                var (type, id, body, table, column) = i % 2 == 0
                    ? ("meter", $"IM-{run}-{w}", Json.Meter($"IM-{run}-{w}", Iso(at), kwh: 0.5, voltage: 230), "meter_readings", "meter_id")
                    : ("vehicle", $"IV-{run}-{w}", Json.Vehicle($"IV-{run}-{w}", Iso(at)), "vehicle_readings", "vehicle_id");
                using var response = await system.Http.PostAsync(new Uri($"/v1/telemetry/{type}", UriKind.Relative), Json.Body(body));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add((table, column, id, at));
                }
                else
                {
                    wrong.Enqueue($"innocent {type} {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        })).ToList();

        var poison = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 24; i++)
            {
                var at = T0.AddSeconds(i);
                if (i % 2 == 0)
                {
                    using var single = await system.Http.PostAsync(new Uri("/v1/telemetry/meter", UriKind.Relative), Json.Body(Json.Meter($"PM-{run}-{w}", Iso(at), voltage: PoisonVoltage)));
                    var problem = single.StatusCode == HttpStatusCode.BadRequest ? await Json.ReadAsync(single) : null;
                    if (problem?["errors"]?["voltage"] is null)
                    {
                        wrong.Enqueue($"poison single: {(int)single.StatusCode} {problem?.ToJsonString()}");
                    }

                    Interlocked.Increment(ref poisonSingles);
                    continue;
                }

                // 20 items from one client, items 3 and 11 poisoned: those two are named, the other 18 are taken.
                var items = Enumerable.Range(0, 20).Select(k =>
                    $"{{\"type\":\"meter\",\"meterId\":\"BM-{run}-{w}-{k}\",\"kwhConsumedAc\":1,\"voltage\":{(k is 3 or 11 ? "1234.5" : "231")},\"timestamp\":\"{Iso(at)}\"}}");
                using var batch = await system.Http.PostAsync(new Uri("/v1/telemetry/batch", UriKind.Relative), Json.Body($"[{string.Join(',', items)}]"));
                var answer = batch.StatusCode == HttpStatusCode.OK ? await Json.ReadAsync(batch) : null;
                var named = answer?["errors"]?.AsArray().Select(e => ((int)e!["index"]!, (string)e["field"]!)).ToList();
                if (answer is null || (int)answer["accepted"]! != 18 || (int)answer["rejected"]! != 2 || named is not [(3, "voltage"), (11, "voltage")])
                {
                    wrong.Enqueue($"poison batch: {(int)batch.StatusCode} {answer?.ToJsonString()}");
                }
                else
                {
                    foreach (var k in Enumerable.Range(0, 20).Where(k => k is not (3 or 11)))
                    {
                        acknowledged.Add(("meter_readings", "meter_id", $"BM-{run}-{w}-{k}", at));
                    }
                }

                Interlocked.Increment(ref poisonBatches);
            }
        })).ToList();

        await Task.WhenAll(poison).WaitAsync(TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await Task.WhenAll(innocent);
        output.WriteLine($"{acknowledged.Count} innocent readings acknowledged; {poisonSingles} poison singles and {poisonBatches} poisoned batches answered");

        Assert.True(wrong.IsEmpty, string.Join('\n', wrong.Take(20)));
        Assert.Equal((36, 36), (poisonSingles, poisonBatches));
        Assert.Equal(0, await database.ScalarAsync($"SELECT count(*) FROM meter_readings WHERE voltage = {PoisonVoltage.ToString(CultureInfo.InvariantCulture)}"));
        foreach (var group in acknowledged.GroupBy(a => (a.Table, a.Column)))
        {
            var stored = await database.ScalarAsync($"SELECT count(*) FROM {group.Key.Table} WHERE {group.Key.Column} LIKE $1", $"%-{run}-%");
            Assert.Equal(group.Count(), stored);
        }
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
