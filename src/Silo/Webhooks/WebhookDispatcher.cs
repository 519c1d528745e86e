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
        var slots = new DispatchSlots(settings.Concurrency, settings.ConcurrencyPerWebhook);
        var sending = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                sending.RemoveWhere(t => t.IsCompleted);
                try
                {
                    if (slots.Free == 0)
                    {
                        await slots.Freed.WaitAsync(stoppingToken);
                        continue;
                    }

                    var wanted = slots.Free;
                    if (await ClaimAndStartAsync(slots, settings, sending, stoppingToken) < wanted)
                    {
                        // Fewer due than free slots: nothing more to claim until new rows come due or a slot frees.
                        await Task.WhenAny(Task.Delay(idle, stoppingToken), slots.Freed).WaitAsync(stoppingToken);
                    }
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
                catch (Exception ex)
                {
                    // Never let a bug here stop the host (a BackgroundService's escape does): alerts still store, and
                    // their deliveries wait in the queue.
                    LogLoopFailed(ex);
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
            }
        }
        finally
        {
            // Sends in flight see the same token and end quickly; their leases make them due again elsewhere.
            await Task.WhenAll(sending);
        }
    }

    /// <returns>How many deliveries were claimed.</returns>
    private async Task<int> ClaimAndStartAsync(DispatchSlots slots, WebhookOptions settings, HashSet<Task> sending, CancellationToken stopping)
    {
        var due = await queue.ClaimAsync(slots.Free, TimeSpan.FromSeconds(settings.LeaseSeconds), slots.Saturated(), stopping);
        var unsent = new List<long>();
        foreach (var delivery in due)
        {
            if (!slots.TryTake(delivery.WebhookId))
            {
                unsent.Add(delivery.Id);
                continue;
            }

            sending.Add(SendInSlotAsync(delivery, slots, settings, stopping));
        }

        if (unsent.Count > 0)
        {
            await queue.ReturnAsync([.. unsent], stopping);
        }

        return due.Count;
    }

    private async Task SendInSlotAsync(DueDelivery delivery, DispatchSlots slots, WebhookOptions settings, CancellationToken stopping)
    {
        try
        {
            await SendAsync(delivery, settings, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Recording the outcome failed (the database is away): the lease brings the delivery back.
            LogRecordFailed(ex, delivery.Id);
        }
        finally
        {
            slots.Release(delivery.WebhookId);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook dispatcher failed; it carries on in 5 s")]
    private partial void LogLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId}: its outcome could not be recorded; it is sent again when its lease ends")]
    private partial void LogRecordFailed(Exception exception, long deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId}, attempt {Attempt}, failed: {Error}")]
    private partial void LogAttemptFailed(long deliveryId, int attempt, string error);
}
