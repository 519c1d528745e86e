using Npgsql;
using NpgsqlTypes;

namespace EnergyActors.Simulator.Analytics;

/// <summary>One way of asking for a vehicle's rolling 24 h figures: the gateway's endpoint, or the SQL behind the reference engine's.</summary>
internal interface IPerformanceQuery
{
    /// <summary>"http" or "sql", for the report.</summary>
    string Kind { get; }

    Task<QueryOutcome> RunAsync(string vehicleId, CancellationToken cancellation);
}

/// <summary>How one query ended: an HTTP status (200 for a SQL query that ran), or no status and the error.</summary>
internal readonly record struct QueryOutcome(int? Status, string? Error)
{
    public static readonly QueryOutcome Ok = new(200, null);

    public static QueryOutcome Failed(string error) => new(null, error);
}

/// <summary><c>GET /v1/analytics/performance/{id}</c>, body read to the end: the latency a dashboard sees.</summary>
internal sealed class HttpPerformanceQuery(HttpClient http) : IPerformanceQuery
{
    public string Kind => "http";

    public async Task<QueryOutcome> RunAsync(string vehicleId, CancellationToken cancellation)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"/v1/analytics/performance/{Uri.EscapeDataString(vehicleId)}", UriKind.Relative), cancellation);
            await response.Content.ReadAsByteArrayAsync(cancellation);
            return new QueryOutcome((int)response.StatusCode, null);
        }
        catch (HttpRequestException ex)
        {
            return QueryOutcome.Failed(ex.Message);
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return QueryOutcome.Failed("no answer in time");
        }
    }
}

/// <summary>
/// The reference engine's way of answering the same question: two aggregations over history for the window
/// [now − 24 h, now), run on a pooled connection with prepared statements (its best case).
/// </summary>
internal sealed class SqlPerformanceQuery : IPerformanceQuery, IAsyncDisposable
{
    private const string MeterSql =
        "SELECT sum(kwh_consumed_ac), count(*) FROM meter_readings WHERE vehicle_id = $1 AND ts >= $2 AND ts < $3";

    private const string VehicleSql =
        "SELECT sum(kwh_delivered_dc), avg(battery_temp), count(*) FROM vehicle_readings WHERE vehicle_id = $1 AND ts >= $2 AND ts < $3";

    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private readonly NpgsqlDataSource _source;

    public SqlPerformanceQuery(string connectionString, int concurrency)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);

        // One pooled connection per worker: the comparison should measure the queries, not waits for a connection.
        builder.ConnectionStringBuilder.MaxPoolSize = Math.Max(builder.ConnectionStringBuilder.MaxPoolSize, concurrency);
        _source = builder.Build();
    }

    public string Kind => "sql";

    /// <summary>Opens a connection and runs both queries once, so a wrong connection string or schema fails before measuring.</summary>
    public async Task CheckAsync(CancellationToken cancellation)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellation);
        await QueryAsync(connection, "probe", cancellation);
    }

    public async Task<QueryOutcome> RunAsync(string vehicleId, CancellationToken cancellation)
    {
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellation);
            await QueryAsync(connection, vehicleId, cancellation);
            return QueryOutcome.Ok;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return QueryOutcome.Failed(ex.Message);
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private static async Task QueryAsync(NpgsqlConnection connection, string vehicleId, CancellationToken cancellation)
    {
        var end = DateTime.UtcNow;
        var start = end - Window;
        await ReadAsync(connection, MeterSql, vehicleId, start, end, cancellation);
        await ReadAsync(connection, VehicleSql, vehicleId, start, end, cancellation);
    }

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, string vehicleId, DateTime start, DateTime end, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = vehicleId },
                new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = start },
                new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz, TypedValue = end },
            },
        };

        // Prepared once per physical connection; Npgsql keeps it across pool checkouts.
        await command.PrepareAsync(cancellation);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                // Read every value, as a client building the answer would.
                _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
        }
    }
}
