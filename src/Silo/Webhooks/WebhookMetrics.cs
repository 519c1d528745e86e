using System.Diagnostics.Metrics;

namespace EnergyActors.Silo.Webhooks;

/// <summary>The webhook dispatcher's instruments (meter <c>EnergyActors.Webhooks</c>); no URL or secret is ever a label.</summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "EnergyActors.Webhooks";

    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _attemptDuration;
    private readonly Histogram<double> _latency;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _attempts = meter.CreateCounter<long>("energyactors.webhooks.attempts", "{attempt}", "Delivery attempts, by outcome: delivered, failed (to be tried again) or given_up.");
        _attemptDuration = meter.CreateHistogram<double>("energyactors.webhooks.attempt.duration", "s", "Time from sending a delivery to the receiver's answer (or the failure).");
        _latency = meter.CreateHistogram<double>("energyactors.webhooks.delivery.latency", "s", "Time from an alert change being queued to its delivery being acknowledged by the receiver.");
    }

    internal void Attempted(string outcome, double seconds)
    {
        _attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        _attemptDuration.Record(seconds);
    }

    internal void Delivered(double latencySeconds) => _latency.Record(latencySeconds);
}
