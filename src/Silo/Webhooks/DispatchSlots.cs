namespace EnergyActors.Silo.Webhooks;

/// <summary>
/// The deliveries a silo's dispatcher may have in flight: at most <c>total</c>, and at most <c>perWebhook</c> for any one
/// webhook, so a receiver that hangs until its deadline holds only its own few slots and never another fleet's deliveries.
/// </summary>
public sealed class DispatchSlots
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _byWebhook = new(StringComparer.Ordinal);
    private readonly int _total;
    private readonly int _perWebhook;
    private TaskCompletionSource _freed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;

    public DispatchSlots(int total, int perWebhook)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perWebhook, 1);
        _total = total;
        _perWebhook = perWebhook;
    }

    public int Free
    {
        get
        {
            lock (_gate)
            {
                return _total - _inFlight;
            }
        }
    }

    /// <summary>Completes when a slot is next released.</summary>
    public Task Freed
    {
        get
        {
            lock (_gate)
            {
                return _freed.Task;
            }
        }
    }

    /// <summary>Webhooks with no slot left, whose due deliveries are not worth claiming now.</summary>
    public string[] Saturated()
    {
        lock (_gate)
        {
            return [.. _byWebhook.Where(w => w.Value >= _perWebhook).Select(w => w.Key)];
        }
    }

    public bool TryTake(string webhookId)
    {
        lock (_gate)
        {
            var held = _byWebhook.GetValueOrDefault(webhookId);
            if (_inFlight >= _total || held >= _perWebhook)
            {
                return false;
            }

            _byWebhook[webhookId] = held + 1;
            _inFlight++;
            return true;
        }
    }

    public void Release(string webhookId)
    {
        TaskCompletionSource freed;
        lock (_gate)
        {
            var held = _byWebhook.GetValueOrDefault(webhookId);
            if (held <= 0)
            {
                throw new InvalidOperationException($"Webhook {webhookId} holds no dispatch slot.");
            }

            if (held == 1)
            {
                _byWebhook.Remove(webhookId);
            }
            else
            {
                _byWebhook[webhookId] = held - 1;
            }

            _inFlight--;
            freed = _freed;
            _freed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        freed.TrySetResult();
    }
}
