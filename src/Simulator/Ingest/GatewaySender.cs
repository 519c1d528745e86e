using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EnergyActors.Simulator.Ingest;

/// <summary>Posts one payload until it is answered: 200 counts, 503 waits Retry-After and resends, anything else fails.</summary>
internal sealed class GatewaySender(HttpClient http, IngestCounters counters)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly TimeSpan MaxJitter = TimeSpan.FromMilliseconds(250);

    // After a connection error, pause so a dead gateway is not hammered in a tight loop.
    private static readonly TimeSpan TransportErrorPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Sends <paramref name="payload"/>, recording the answered attempt's time in <paramref name="latency"/>.
    /// <paramref name="stop"/> ends retries: a 503'd payload is then abandoned (none of it was acknowledged);
    /// <paramref name="abort"/> cancels the request in flight, which happens only after the shutdown grace.
    /// </summary>
    public async Task SendAsync(Payload payload, LatencyHistogram latency, CancellationToken stop, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(latency);
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
                return;
            }
            catch (TaskCanceledException)
            {
                counters.Fail($"{payload.Path}: no answer within {GatewayHttp.RequestTimeout.TotalSeconds:0} s");
                return;
            }
            catch (HttpRequestException ex)
            {
                counters.Fail($"{payload.Path}: {ex.Message}");
                await PauseAsync(TransportErrorPause, stop);
                return;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            using (response)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        latency.Record(elapsed);
                        Accept(payload, body);
                        return;
                    case HttpStatusCode.ServiceUnavailable:
                        counters.BackPressured();
                        if (!await PauseAsync(RetryDelay(response), stop))
                        {
                            counters.Abandon(payload.Readings);
                            return;
                        }

                        continue;
                    default:
                        counters.Fail($"{payload.Path}: {(int)response.StatusCode} {response.ReasonPhrase}: {Encoding.UTF8.GetString(body)}");
                        return;
                }
            }
        }
    }

    private void Accept(Payload payload, byte[] body)
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
            return;
        }

        counters.Succeeded(answer);
    }

    private static TimeSpan RetryDelay(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => TimeSpan.FromSeconds(1),
        };

        // Jitter keeps the refused workers from coming back in lockstep.
        var jitter = MaxJitter * Random.Shared.NextDouble();
        return (retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter) + jitter;
    }

    /// <returns>False when <paramref name="stop"/> came first.</returns>
    private static async Task<bool> PauseAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
