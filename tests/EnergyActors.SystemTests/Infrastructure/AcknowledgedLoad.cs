using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EnergyActors.Tests.Http;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// Keeps a gateway busy with single meter and vehicle readings while a test breaks something, and
/// remembers exactly which readings were acknowledged with a 200, so the test can check afterwards
/// that every one of them is in history. Every answer is also kept with its timing (<see cref="Answers"/>),
/// so a test can tell when service came back after a fault. Bounded: it stops when asked or after <see cref="MaxRun"/>.
/// </summary>
public sealed class AcknowledgedLoad : IAsyncDisposable
{
    private static readonly TimeSpan MaxRun = TimeSpan.FromMinutes(3);
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new(MaxRun);
    private readonly ConcurrentBag<(string Type, string DeviceId, DateTimeOffset Timestamp)> _acknowledged = [];
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly ConcurrentQueue<AnsweredRequest> _answers = new();
    private readonly Task[] _workers;
    private long _ok;
    private long _unavailable;
    private long _unavailableWithoutRetryAfter;

    private AcknowledgedLoad(Uri gateway, string prefix, int workers, int devicesPerWorker, string? apiKey)
    {
        Prefix = prefix;
        _http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        _workers = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            var worker = w;
            _workers[w] = Task.Run(() => RunWorkerAsync(worker, devicesPerWorker));
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
        new(gateway, $"L{Guid.NewGuid():N}"[..12], workers, devicesPerWorker, apiKey);

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

    private async Task RunWorkerAsync(int worker, int devices)
    {
        var token = _stop.Token;
        for (var n = 0; !token.IsCancellationRequested; n++)
        {
            var type = n % 2 == 0 ? "meter" : "vehicle";
            var deviceId = string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{worker}-{n / 2 % devices}");
            var timestamp = T0.AddSeconds(n);
            var json = type == "meter"
                ? Json.Meter(deviceId, timestamp.ToString("O", CultureInfo.InvariantCulture), kwh: 0.25, voltage: 230)
                : Json.Vehicle(deviceId, timestamp.ToString("O", CultureInfo.InvariantCulture), soc: 50, kwh: 0.2, batteryTemp: 30);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _http.PostAsync(new Uri($"/v1/telemetry/{type}", UriKind.Relative), Json.Body(json), token);
                var content = await response.Content.ReadAsStringAsync(token);
                _answers.Enqueue(new AnsweredRequest(started, Stopwatch.GetTimestamp(), (int)response.StatusCode));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = JsonNode.Parse(content)!;
                    if ((int)body["accepted"]! + (int)body["duplicates"]! != 1)
                    {
                        _unexpected.Enqueue($"200 that acknowledges no reading: {body.ToJsonString()}");
                    }

                    _acknowledged.Add((type, deviceId, timestamp));
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
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                _answers.Enqueue(new AnsweredRequest(started, Stopwatch.GetTimestamp(), 0));
                _unexpected.Enqueue($"transport: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
