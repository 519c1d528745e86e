using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>GETs for verification: a 503 is waited out (Retry-After) a few times, since the check is about data, not availability.</summary>
internal sealed class ApiReader(HttpClient http)
{
    private const int Attempts = 5;

    /// <returns>The final status and body, or null status with the transport error's message.</returns>
    public async Task<(HttpStatusCode? Status, byte[] Body, string? Error)> GetAsync(string path, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellation);
                var body = await response.Content.ReadAsByteArrayAsync(cancellation);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == Attempts)
                {
                    return (response.StatusCode, body, null);
                }

                await Task.Delay(RetryAfter.Delay(response), cancellation);
            }
            catch (HttpRequestException ex)
            {
                return (null, [], ex.Message);
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return (null, [], "no answer in time");
            }
        }
    }
}

/// <summary>The reference analytics envelope <c>{"success": true, "data": {...}}</c>, as far as verification reads it.</summary>
internal sealed record PerformanceEnvelope(bool Success, PerformanceFigures? Data);

/// <summary>The figures of <c>GET /v1/analytics/performance/{id}</c> that verification compares; decimal, as the API sums them.</summary>
internal sealed record PerformanceFigures(string VehicleId, PerformancePeriod Period, decimal TotalAcConsumed, decimal TotalDcDelivered);

/// <summary>The analytics window [start, end).</summary>
internal sealed record PerformancePeriod(DateTimeOffset Start, DateTimeOffset End);

/// <summary>The part of <c>GET /v1/telemetry/vehicle/{id}/status</c> verification reads.</summary>
internal sealed record VehicleStatusAnswer(string VehicleId, DateTime Timestamp)
{
    /// <summary>The timestamp as an instant; one written without an offset is taken as UTC, the API's storage zone.</summary>
    public DateTimeOffset Instant => Timestamp.Kind switch
    {
        DateTimeKind.Utc => new DateTimeOffset(Timestamp),
        DateTimeKind.Local => new DateTimeOffset(Timestamp.ToUniversalTime()),
        _ => new DateTimeOffset(DateTime.SpecifyKind(Timestamp, DateTimeKind.Utc)),
    };
}

/// <summary>The API answers verification reads, in the API's camelCase.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PerformanceEnvelope))]
[JsonSerializable(typeof(VehicleStatusAnswer))]
internal sealed partial class ApiAnswerJsonContext : JsonSerializerContext;
