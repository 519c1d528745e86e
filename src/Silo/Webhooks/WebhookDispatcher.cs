using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using EnergyActors.Silo.Storage;
using Microsoft.Extensions.Options;

namespace EnergyActors.Silo.Webhooks;

/// <summary>
/// Sends the queued alert changes to their webhooks, on every silo, apart from the grains: a slow or failing receiver
/// holds only this loop's few connections, never a reading. Each delivery is claimed, signed and POSTed; a 2xx marks
/// it delivered, anything else is tried again after a growing wait (persisted, so a restart loses nothing) until it is
/// given up. At least once: a receiver deduplicates by <c>X-EnergyActors-Delivery</c> (one id per webhook and change).
/// </summary>
public sealed partial class WebhookDispatcher(
    DeliveryLedger queue,
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    WebhookMetrics metrics,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ClientName = "webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var idle = TimeSpan.FromMilliseconds(settings.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One round of sends per claim, so every claimed row is sent well inside its lease.
                var due = await queue.ClaimAsync(settings.Concurrency, TimeSpan.FromSeconds(settings.LeaseSeconds), stoppingToken);
                if (due.Count == 0)
                {
                    await Task.Delay(idle, stoppingToken);
                    continue;
                }

                await Task.WhenAll(due.Select(d => SendAsync(d, settings, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (StorageFailure.IsTransient(ex))
            {
                LogQueueUnavailable(ex);
                await Task.Delay(idle * 4, stoppingToken);
            }
        }
    }

    private async Task SendAsync(DueDelivery delivery, WebhookOptions settings, CancellationToken stopping)
    {
        if (delivery.WebhookDeleted)
        {
            await queue.FailedAsync(delivery.Id, null, "The webhook was deleted.", TimeSpan.Zero, settings.MaxAttempts, giveUp: true);
            metrics.Attempted("given_up", 0);
            return;
        }

        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-EnergyActors-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-EnergyActors-Event", "alert." + delivery.State);
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(delivery.Secret, body));
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        string error;
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stopping);
            status = (int)response.StatusCode;
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (response.IsSuccessStatusCode)
            {
                var latency = await queue.DeliveredAsync(delivery.Id, status.Value, seconds * 1000);
                metrics.Attempted("delivered", seconds);
                metrics.Delivered(latency);
                return;
            }

            error = $"The receiver answered {status}.";
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the lease makes it due again for whichever silo runs next.
            return;
        }
        catch (Exception ex)
        {
            error = ex.Message;
        }

        var givenUp = await queue.FailedAsync(delivery.Id, status, error, WebhookBackoff.After(delivery.Attempts + 1, settings, Random.Shared.NextDouble()), settings.MaxAttempts, giveUp: false);
        metrics.Attempted(givenUp ? "given_up" : "failed", Stopwatch.GetElapsedTime(started).TotalSeconds);
        LogAttemptFailed(delivery.Id, delivery.Attempts + 1, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook deliveries cannot be read or recorded right now; trying again shortly")]
    private partial void LogQueueUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId}, attempt {Attempt}, failed: {Error}")]
    private partial void LogAttemptFailed(long deliveryId, int attempt, string error);
}
