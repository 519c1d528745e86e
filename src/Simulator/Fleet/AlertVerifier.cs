using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// Whether the fleet's alerts are the ones its vehicles deserve, once the hold-off has passed: a faulty vehicle charging
/// below the fleet's EFFICIENCY_CRITICAL threshold has that alert active, a sensor fault above the ANOMALY threshold
/// has that one, and no other sampled vehicle has an efficiency alert, active or raised and cleared again (flapping).
/// Deserved only where the vehicle's window holds the rule's evidence (a vehicle charging elsewhere shows no AC).
/// </summary>
internal sealed class AlertVerifier(HttpClient http, FleetModel model, IReadOnlyList<string> sampled)
{
    private const int Parallelism = 8;
    private const int MismatchesShown = 5;
    private const string Critical = "EFFICIENCY_CRITICAL";
    private const string Anomaly = "EFFICIENCY_ANOMALY";

    // Past the hold-off: the grains' judgement timers fire just after it, and the last readings were just committed.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    private readonly ApiReader _api = new(http);

    public async Task<VerifyCheck> RunAsync(CancellationToken cancellation)
    {
        const string Name = "active efficiency alerts = the ones its faulty vehicles deserve, none raised and cleared again";
        var (code, body, error) = await _api.GetAsync("/v1/alert-rules", cancellation);
        if (code != HttpStatusCode.OK || Read(body, AlertAnswerJsonContext.Default.RulesAnswer) is not { } rules)
        {
            return new VerifyCheck(Name, 0, sampled.Count, [$"GET /v1/alert-rules: {(int?)code} {error}"]);
        }

        var critical = rules.Rules.First(r => r.Kind == Critical);
        var anomaly = rules.Rules.First(r => r.Kind == Anomaly);
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(critical.HoldOffSeconds, anomaly.HoldOffSeconds)) + Margin, cancellation);

        var found = new string?[sampled.Count];
        await Parallel.ForAsync(0, sampled.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation },
            async (i, token) => found[i] = await CheckAsync(sampled[i], critical, anomaly, token));
        var failed = found.Select((reason, i) => (reason, i)).Where(f => f.reason is not null).ToList();
        return new VerifyCheck(Name, sampled.Count - failed.Count, failed.Count, [.. failed.Take(MismatchesShown).Select(f => $"{sampled[f.i]}: {f.reason}")]);
    }

    private async Task<string?> CheckAsync(string vehicleId, RuleAnswer critical, RuleAnswer anomaly, CancellationToken cancellation)
    {
        var id = Uri.EscapeDataString(vehicleId);
        var (code, body, error) = await _api.GetAsync($"/v1/analytics/performance/{id}", cancellation);
        var window = code == HttpStatusCode.OK ? Read(body, AlertAnswerJsonContext.Default.WindowEnvelope)?.Data : null;
        if (code is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
        {
            return $"GET performance: {(int?)code} {error}";
        }

        (code, body, error) = await _api.GetAsync($"/v1/alerts?deviceId={id}&limit=100", cancellation);
        if (code != HttpStatusCode.OK || Read(body, AlertAnswerJsonContext.Default.AlertsAnswer) is not { } alerts)
        {
            return $"GET alerts: {(int?)code} {error}";
        }

        var efficiency = alerts.Alerts.Where(a => a.Kind is Critical or Anomaly).ToList();
        var active = efficiency.Where(a => a.ClearedAt is null).Select(a => a.Kind).Order(StringComparer.Ordinal).ToList();
        var deserved = Deserved(vehicleId, window, critical, anomaly);
        if (efficiency.Any(a => a.ClearedAt is not null))
        {
            return $"{efficiency.Count(a => a.ClearedAt is not null)} efficiency alert(s) raised and cleared again";
        }

        return active.SequenceEqual(deserved is null ? [] : [deserved]) ? null
            : string.Create(CultureInfo.InvariantCulture, $"active [{string.Join(", ", active)}], deserved [{deserved}] (ratio {window?.EfficiencyRatio})");
    }

    private string? Deserved(string vehicleId, WindowFigures? window, RuleAnswer critical, RuleAnswer anomaly)
    {
        var profile = model.Profile(int.Parse(vehicleId[(vehicleId.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture));
        var kind = profile.Class switch
        {
            EfficiencyClass.Faulty when critical.Enabled && profile.Efficiency < critical.Threshold => critical,
            EfficiencyClass.SensorFault when anomaly.Enabled && profile.Efficiency > anomaly.Threshold => anomaly,
            _ => null,
        };
        var evidence = window is { EfficiencyRatio: not null } w && kind is not null
            && w.TotalAcConsumed >= (decimal)kind.MinAcKwh && w.MeterReadings >= kind.MinReadings && w.VehicleReadings >= kind.MinReadings;
        return evidence ? kind!.Kind : null;
    }

    private static T? Read<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

internal sealed record RulesAnswer(IReadOnlyList<RuleAnswer> Rules);

internal sealed record RuleAnswer(string Kind, bool Enabled, double Threshold, int HoldOffSeconds, double MinAcKwh, int MinReadings);

internal sealed record AlertsAnswer(IReadOnlyList<AlertAnswer> Alerts);

internal sealed record AlertAnswer(string Kind, DateTimeOffset? ClearedAt);

internal sealed record WindowEnvelope(WindowFigures? Data);

internal sealed record WindowFigures(decimal TotalAcConsumed, decimal? EfficiencyRatio, WindowReadings ReadingsCount)
{
    public long VehicleReadings => ReadingsCount.Vehicle;

    public long MeterReadings => ReadingsCount.Meter;
}

internal sealed record WindowReadings(long Vehicle, long Meter);

/// <summary>The API's answers the alert check reads, in the API's camelCase.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RulesAnswer))]
[JsonSerializable(typeof(AlertsAnswer))]
[JsonSerializable(typeof(WindowEnvelope))]
internal sealed partial class AlertAnswerJsonContext : JsonSerializerContext;
