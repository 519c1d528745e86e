using System.Diagnostics.Metrics;

namespace EnergyActors.Gateway;

/// <summary>Readings as the gateway answered them (meter <c>EnergyActors.Gateway</c>).</summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "EnergyActors.Gateway";

    private readonly Counter<long> _readings;
    private readonly Counter<long> _siloLossRetries;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _readings = meter.CreateCounter<long>("energyactors.gateway.readings", "{reading}", "Readings answered, by device type and outcome (accepted, duplicate, rejected).");
        _siloLossRetries = meter.CreateCounter<long>(
            "energyactors.gateway.silo_loss_retries", "{call}", "Grain calls repeated because the silo they reached went away (a rolling restart, a crash).");
    }

    public void SiloLossRetried() => _siloLossRetries.Add(1);

    public void Accepted(string type, int count) => Add(type, "accepted", count);

    public void Duplicates(string type, int count) => Add(type, "duplicate", count);

    public void Rejected(string type, int count) => Add(type, "rejected", count);

    private void Add(string type, string outcome, int count)
    {
        if (count > 0)
        {
            _readings.Add(count, new KeyValuePair<string, object?>("type", type), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
