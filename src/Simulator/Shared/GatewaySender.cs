using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnergyActors.Simulator.Shared;

/// <summary>Posts one payload until it is answered: 200 counts, 503 waits Retry-After and resends, anything else fails.</summary>
internal sealed class GatewaySender(HttpClient http, IngestCounters counters)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    // After a connection error, pause so a dead gateway is not hammered in a tight loop.
    private static readonly TimeSpan TransportErrorPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Sends <paramref name="payload"/>, recording the answered attempt's time in <paramref name="latency"/>.
    /// <paramref name="stop"/> ends retries: a 503'd payload is then abandoned (none of it was acknowledged);
    /// <paramref name="abort"/> cancels the request in flight, which happens only after the shutdown grace.
    /// </summary>
    /// <returns>The gateway's answer when it acknowledged the payload (a 200); null when nothing in it was acknowledged.</returns>
    public async Task<IngestResponse?> SendAsync(Payload payload, LatencyHistogram latency, CancellationToken stop, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(latency);
        counters.Posting(payload.Readings);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, payload.Path)
            {
                Content = new ReadOnlyMemoryContent(payload.Body) { Headers = { ContentType = Json } },
            };
            counters.Attempted();
            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            byte[] body;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, abort);
                body = await response.Content.ReadAsByteArrayAsync(abort);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                // Its outcome is unknown: it may still commit, so it is a failure, not a silent drop.
                counters.Fail($"{payload.Path}: cancelled in flight at shutdown");
                return null;
            }
            catch (TaskCanceledException)
            {
                counters.Fail($"{payload.Path}: no answer within {GatewayHttp.RequestTimeout.TotalSeconds:0} s");
                return null;
            }
            catch (HttpRequestException ex)
            {
                counters.Fail($"{payload.Path}: {ex.Message}");
                await RetryAfter.PauseAsync(TransportErrorPause, stop);
                return null;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            using (response)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        latency.Record(elapsed);
                        return Accept(payload, body);
                    case HttpStatusCode.ServiceUnavailable:
                        counters.BackPressured();
                        if (!await RetryAfter.PauseAsync(RetryAfter.Delay(response), stop))
                        {
                            counters.Abandon(payload.Readings);
                            return null;
                        }

                        continue;
                    default:
                        counters.Fail($"{payload.Path}: {(int)response.StatusCode} {response.ReasonPhrase}: {Encoding.UTF8.GetString(body)}");
                        return null;
                }
            }
        }
    }

    private IngestResponse? Accept(Payload payload, byte[] body)
    {
        IngestResponse? answer = null;
        try
        {
            answer = JsonSerializer.Deserialize(body, SimulatorJsonContext.Default.IngestResponse);
        }
        catch (JsonException)
        {
            // Reported just below, with the body.
        }

        if (answer is null)
        {
            counters.Fail($"{payload.Path}: 200 without an ingestion answer: {Encoding.UTF8.GetString(body)}");
            return null;
        }

        counters.Succeeded(answer);
        return answer;
    }
}

/// <summary>The gateway's 200 body: single readings carry only the first two figures, batches all of them.</summary>
internal sealed record IngestResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<BatchItemError>? Errors);

/// <summary>Why the gateway rejected the batch item at <see cref="Index"/>.</summary>
internal sealed record BatchItemError(int Index, string Field, string Message);

/// <summary>Source-generated JSON for the gateway's ingestion answer: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestResponse))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
