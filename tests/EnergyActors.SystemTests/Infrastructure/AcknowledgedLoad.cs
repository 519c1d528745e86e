using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EnergyActors.Tests.Http;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// Keeps a gateway busy with single meter and vehicle readings (and batches of them, when the shape asks) while a
/// test breaks something, and remembers exactly which readings were acknowledged with a 200, so the test can check
/// afterwards that every one of them is in history. Every answer is also kept with its timing (<see cref="Answers"/>),
/// so a test can tell when service came back after a fault. Bounded: it stops when asked or after <see cref="MaxRun"/>.
/// </summary>
public sealed class AcknowledgedLoad : IAsyncDisposable
{
    private static readonly TimeSpan MaxRun = TimeSpan.FromMinutes(3);

    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new(MaxRun);
    private readonly ConcurrentBag<(string Type, string DeviceId, DateTimeOffset Timestamp)> _acknowledged = [];
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly ConcurrentQueue<AnsweredRequest> _answers = new();
    private readonly Task[] _workers;
    private long _ok;
    private long _unavailable;
    private long _unavailableWithoutRetryAfter;

    private readonly LoadShape _shape;

    private AcknowledgedLoad(Uri gateway, string prefix, LoadShape shape)
    {
        Prefix = prefix;
        _shape = shape;
        _http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        if (shape.ApiKey is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", shape.ApiKey);
        }

        _workers = new Task[shape.Workers + shape.BatchWorkers];
        for (var w = 0; w < shape.Workers; w++)
        {
            var worker = w;
            _workers[w] = Task.Run(() => RunWorkerAsync(worker));
        }

        for (var w = 0; w < shape.BatchWorkers; w++)
        {
            var worker = w;
            _workers[shape.Workers + w] = Task.Run(() => RunBatchWorkerAsync(worker));
        }
    }

    public string Prefix { get; }

    public long Ok => Interlocked.Read(ref _ok);

    public long Unavailable => Interlocked.Read(ref _unavailable);

    public long UnavailableWithoutRetryAfter => Interlocked.Read(ref _unavailableWithoutRetryAfter);

    /// <summary>Answers other than 200 and 503-with-Retry-After, and transport failures.</summary>
    public IReadOnlyCollection<string> Unexpected => _unexpected;

    public IReadOnlyCollection<(string Type, string DeviceId, DateTimeOffset Timestamp)> Acknowledged => _acknowledged;

    /// <summary>Every request that got an answer (or a transport failure), in the order they ended.</summary>
    public IReadOnlyCollection<AnsweredRequest> Answers => _answers;

    /// <summary>Starts the load; with <paramref name="apiKey"/>, every request carries it (gateways that take keys).</summary>
    public static AcknowledgedLoad Start(Uri gateway, int workers = 16, int devicesPerWorker = 8, string? apiKey = null) =>
        Start(gateway, new LoadShape { Workers = workers, DevicesPerWorker = devicesPerWorker, ApiKey = apiKey });

    public static AcknowledgedLoad Start(Uri gateway, LoadShape shape) => new(gateway, $"L{Guid.NewGuid():N}"[..12], shape);

    /// <summary>Answers per HTTP status (0: transport failure), for a test to print.</summary>
    public string StatusCounts() =>
        string.Join(", ", _answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "transport" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count()}"));

    /// <summary>Waits until <paramref name="condition"/> holds, failing the test with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting until {what}.");
            }

            await Task.Delay(100);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    /// <summary>Acknowledged readings that history does not hold (should be none).</summary>
    public Task<List<string>> MissingFromHistoryAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return MissingFromHistoryAsync(database.DataSource);
    }

    /// <summary>Acknowledged readings that the history behind <paramref name="dataSource"/> does not hold (should be none).</summary>
    public async Task<List<string>> MissingFromHistoryAsync(Npgsql.NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var stored = new HashSet<(string, string, long)>();
        foreach (var (type, sql) in new[]
        {
            ("meter", "SELECT meter_id, ts FROM meter_readings WHERE meter_id LIKE $1"),
            ("vehicle", "SELECT vehicle_id, ts FROM vehicle_readings WHERE vehicle_id LIKE $1"),
        })
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Prefix + "%" });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add((type, reader.GetString(0), reader.GetFieldValue<DateTime>(1).Ticks));
            }
        }

        return _acknowledged
            .Where(a => !stored.Contains((a.Type, a.DeviceId, a.Timestamp.UtcTicks)))
            .Select(a => $"{a.Type} {a.DeviceId} {a.Timestamp:O}")
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunWorkerAsync(int worker)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{worker}");
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var reading = Reading(name, n);
            if (!await PostAsync($"/v1/telemetry/{reading.Type}", reading.Json, [reading]))
            {
                return;
            }
        }
    }

    /// <summary>Batches of <see cref="LoadShape.BatchSize"/> readings of the worker's own devices, each in the ledger when the batch is acknowledged.</summary>
    private async Task RunBatchWorkerAsync(int worker)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"b{worker}");
        for (var n = 0; !_stop.IsCancellationRequested; n += _shape.BatchSize)
        {
            var readings = Enumerable.Range(n, _shape.BatchSize).Select(i => Reading(name, i)).ToArray();
            var items = readings.Select(r => r.Json.Insert(1, $"\"type\":\"{r.Type}\","));
            if (!await PostAsync("/v1/telemetry/batch", "[" + string.Join(',', items) + "]", readings))
            {
                return;
            }
        }
    }

    /// <summary>Posts one request and books its answer; false once the load is stopping.</summary>
    private async Task<bool> PostAsync(string path, string json, (string Type, string DeviceId, DateTimeOffset Timestamp, string Json)[] readings)
    {
        var token = _stop.Token;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), Json.Body(json), token);
            var content = await response.Content.ReadAsStringAsync(token);
            _answers.Enqueue(new AnsweredRequest(started, Stopwatch.GetTimestamp(), (int)response.StatusCode));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonNode.Parse(content)!;
                if ((int)body["accepted"]! + (int)body["duplicates"]! != readings.Length)
                {
                    _unexpected.Enqueue($"200 that does not acknowledge all {readings.Length} readings: {body.ToJsonString()}");
                }

                foreach (var (type, deviceId, timestamp, _) in readings)
                {
                    _acknowledged.Add((type, deviceId, timestamp));
                }

                Interlocked.Increment(ref _ok);
            }
            else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Interlocked.Increment(ref _unavailable);
                var retryAfter = response.Headers.RetryAfter?.Delta;
                if (retryAfter is null)
                {
                    Interlocked.Increment(ref _unavailableWithoutRetryAfter);
                }

                // A client honouring Retry-After, but not for so long that the test stalls.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(retryAfter?.TotalMilliseconds ?? 1000, 500)), token);
            }
            else
            {
                _unexpected.Enqueue($"{(int)response.StatusCode}: {content}");
            }

            return true;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            _answers.Enqueue(new AnsweredRequest(started, Stopwatch.GetTimestamp(), 0));
            _unexpected.Enqueue($"transport: {ex.GetType().Name}: {ex.Message}");
            return true;
        }
    }

    /// <summary>
    /// Reading <paramref name="n"/> of a worker: meter and vehicle in turn over its devices; each device's next pair is a
    /// second later, so a fast worker's clock runs ahead of the server's slowly.
    /// </summary>
    private (string Type, string DeviceId, DateTimeOffset Timestamp, string Json) Reading(string worker, int n)
    {
        var type = n % 2 == 0 ? "meter" : "vehicle";
        var deviceId = string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{worker}-{n / 2 % _shape.DevicesPerWorker}");
        var timestamp = _shape.Start.AddSeconds(n / (2 * _shape.DevicesPerWorker));
        var ts = timestamp.ToString("O", CultureInfo.InvariantCulture);
        var json = type == "meter"
            ? Json.Meter(deviceId, ts, kwh: 0.25, voltage: 230, vehicleId: _shape.MetersNameVehicles ? deviceId : null)
            : Json.Vehicle(deviceId, ts, soc: 50, kwh: 0.2, batteryTemp: 30);
        return (type, deviceId, timestamp, json);
    }
}
