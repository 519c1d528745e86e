using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace EnergyActors.Benchmarks;

/// <summary>
/// The recovery phase's clock (from the moment bench-recovery.sh saw the restarted silo ready): seconds until every
/// vehicle's analytics has answered and every vehicle the fleet view lists has reported since the restart. Only then,
/// untimed, are the answers compared with SQL over history for the periods they report, so the check's own queries do
/// not slow the recovery it measures; the history rows inserted at that moment let the script rate ingestion up to it.
/// </summary>
internal static class RecoveryCheck
{
    private const string AggregateSql = """
        SELECT v.vehicle_id, coalesce(a.ac, 0), coalesce(a.n, 0), coalesce(d.dc, 0), coalesce(d.n, 0), d.temp
        FROM unnest($1::text[]) AS v(vehicle_id)
        LEFT JOIN LATERAL (SELECT sum(kwh_consumed_ac::numeric) ac, count(*) n FROM meter_readings m
                           WHERE m.vehicle_id = v.vehicle_id AND m.ts >= $2 AND m.ts < $3) a ON true
        LEFT JOIN LATERAL (SELECT sum(kwh_delivered_dc::numeric) dc, count(*) n, round(avg(battery_temp::numeric), 6) temp FROM vehicle_readings r
                           WHERE r.vehicle_id = v.vehicle_id AND r.ts >= $2 AND r.ts < $3) d ON true
        """;

    // The history rows inserted so far, as PostgreSQL's statistics count them (what bench-recovery.sh samples too).
    private const string InsertedSql = """
        SELECT coalesce(sum(n_tup_ins), 0)::bigint FROM pg_stat_user_tables
        WHERE relname ~ '^(vehicle|meter)_readings_' AND relname !~ 'staging'
        """;

    public static async Task RunAsync(BenchArguments arguments)
    {
        // From the moment the script saw the silo ready (--ready-at, Unix seconds), so this process's start-up counts too.
        var readyAt = arguments.Text("ready-at") is { } text
            ? DateTimeOffset.UnixEpoch.AddSeconds(double.Parse(text, CultureInfo.InvariantCulture))
            : DateTimeOffset.UtcNow;
        var clock = new ReadyClock(readyAt);
        using var http = new HttpClient { BaseAddress = new Uri(arguments.Text("gateway") ?? throw new ArgumentException("--gateway is required")), Timeout = TimeSpan.FromSeconds(60) };
        var ids = Enumerable.Range(1, arguments.Vehicles).Select(i => BenchArguments.VehicleId(arguments.Prefix, i)).ToArray();
        var answers = new ConcurrentDictionary<string, JsonNode>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = arguments.Number("concurrency", 16) }, async (id, token) =>
            answers[id] = (await GetAsync(http, $"/v1/analytics/performance/{id}", token))["data"]!);
        var analyticsSeconds = clock.Elapsed.TotalSeconds;

        // The measured vehicles among those the fleet view lists; vehicles of other phases come back at the silo's
        // wake pace (Analytics:FleetWakePerSecond) or with their own traffic, and are not what this phase times.
        bool Measured(JsonNode? v) => ((string)v!["vehicleId"]!).StartsWith(arguments.Prefix, StringComparison.Ordinal);
        var giveUp = TimeSpan.FromSeconds(arguments.Number("timeout", 120));
        List<JsonNode?> listed;
        while (true)
        {
            listed = [.. (await GetAsync(http, "/v1/analytics/fleet?limit=1000", CancellationToken.None))["vehicles"]!.AsArray().Where(Measured)];
            if (listed.All(v => (bool?)v!["refreshed"] != false) || clock.Elapsed > giveUp)
            {
                break;
            }

            await Task.Delay(100);
        }

        // -1: not all refreshed within the time given.
        var fleetSeconds = listed.All(v => (bool?)v!["refreshed"] != false) ? clock.Elapsed.TotalSeconds : -1;
        var insertedAtExact = await InsertedAsync(arguments.Connection);
        var wrong = await CountDifferentFromHistoryAsync(arguments.Connection, answers.Values.Concat(listed)!);
        await BenchResult.WriteAsync(arguments, "recovery", new Dictionary<string, double>
        {
            ["vehicles"] = ids.Length,
            ["analytics_all_answered_s"] = analyticsSeconds,
            ["fleet_refreshed_s"] = fleetSeconds,
            ["exact_s"] = fleetSeconds < 0 ? -1 : Math.Max(analyticsSeconds, fleetSeconds),
            ["answers_not_equal_to_history"] = wrong,
            ["inserted_at_exact"] = insertedAtExact,
        });
    }

    private static async Task<long> InsertedAsync(string connection)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await using var command = dataSource.CreateCommand(InsertedSql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class ReadyClock(DateTimeOffset origin)
    {
        public TimeSpan Elapsed => DateTimeOffset.UtcNow - origin;
    }

    /// <summary>A 503 while the gateway reaches the restarted silo promises a retry will work.</summary>
    private static async Task<JsonNode> GetAsync(HttpClient http, string path, CancellationToken token)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<JsonNode>(token))!;
            }

            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 100)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
            }

            await Task.Delay(100, token);
        }
    }

    private static async Task<int> CountDifferentFromHistoryAsync(string connection, IEnumerable<JsonNode> answers)
    {
        await using var dataSource = NpgsqlDataSource.Create(connection);
        var wrong = 0;
        foreach (var period in answers.GroupBy(a => ((string)a["period"]!["start"]!, (string)a["period"]!["end"]!)))
        {
            await using var command = dataSource.CreateCommand(AggregateSql);
            command.CommandTimeout = 600;
            command.Parameters.Add(new NpgsqlParameter { Value = period.Select(a => (string)a["vehicleId"]!).Distinct().ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.Parse(period.Key.Item1, CultureInfo.InvariantCulture).UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.Parse(period.Key.Item2, CultureInfo.InvariantCulture).UtcDateTime });
            var history = new Dictionary<string, (decimal Ac, long MeterReadings, decimal Dc, long VehicleReadings, decimal? Temp)>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    history[reader.GetString(0)] = (reader.GetDecimal(1), reader.GetInt64(2), reader.GetDecimal(3), reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetDecimal(5));
                }
            }

            foreach (var answer in period)
            {
                var h = history[(string)answer["vehicleId"]!];
                var same = h.Ac == answer["totalAcConsumed"]!.GetValue<decimal>() && h.Dc == answer["totalDcDelivered"]!.GetValue<decimal>()
                    && h.MeterReadings == (long)answer["readingsCount"]!["meter"]! && h.VehicleReadings == (long)answer["readingsCount"]!["vehicle"]!
                    && h.Temp == answer["avgBatteryTemp"]?.GetValue<decimal>();
                wrong += same ? 0 : 1;
            }
        }

        return wrong;
    }
}
