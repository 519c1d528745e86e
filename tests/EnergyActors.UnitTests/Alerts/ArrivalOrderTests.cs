using EnergyActors.Grains;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Alerts;
using EnergyActors.Grains.Analytics;

namespace EnergyActors.UnitTests.Alerts;

/// <summary>
/// The order in which a charger's AC and a vehicle's DC arrive never raises an alert by itself: the same readings in
/// every arrival order (each applied a second after the one before, as a batch is) raise the same alerts under the
/// default rules, once the hold-off has passed. With a hold-off of 0 the same orders would raise alerts a healthy
/// vehicle never deserved, which the last case shows.
/// </summary>
public sealed class ArrivalOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.90, new string[0])]
    [InlineData(0.50, new[] { AlertKinds.EfficiencyCritical })]
    [InlineData(1.20, new[] { AlertKinds.EfficiencyAnomaly })]
    public void Every_arrival_order_of_the_same_readings_raises_the_same_alerts(double ratio, string[] deserved)
    {
        var readings = Readings(ratio);
        var orders = Permutations(readings).ToList();
        Assert.Equal(720, orders.Count);
        foreach (var order in orders)
        {
            Assert.Equal(deserved, Replay(order, AlertRuleBook.Defaults));
        }
    }

    [Fact]
    public void Without_a_hold_off_or_evidence_some_orders_would_raise_alerts_a_healthy_vehicle_never_deserved()
    {
        var eager = new AlertRuleSet([.. AlertRuleBook.Defaults.Rules.Select(r => r with { HoldOffSeconds = 0, ClearSeconds = 0, MinAcKwh = 0, MinReadings = 0 })], null);
        Assert.Contains(Permutations(Readings(0.90)), order => Replay(order, eager).Count > 0);
    }

    private static List<Reading> Readings(double ratio) =>
    [
        .. Enumerable.Range(0, 3).SelectMany(i => new[]
        {
            new Reading(Ac: true, Now.AddMinutes(-60 + (20 * i)), 10),
            new Reading(Ac: false, Now.AddMinutes(-60 + (20 * i)), 10 * ratio),
        }),
    ];

    /// <summary>The kinds raised, in order, while the readings arrive and once the hold-off has passed without more.</summary>
    private static List<string> Replay(IReadOnlyList<Reading> order, AlertRuleSet rules)
    {
        var window = new EfficiencyWindow();
        var gates = new AlertGates();
        var active = new List<string>();
        var raised = new List<string>();
        var at = Now;
        foreach (var reading in order)
        {
            at = at.AddSeconds(1);
            _ = reading.Ac ? window.AddAc(reading.Timestamp, reading.Kwh, at) : window.AddDc(reading.Timestamp, reading.Kwh, 25, at);
            Apply(gates.Judge(VehicleAlertRules.Conditions(Performance(window, at), rules), active, at, reading: true), active, raised);
        }

        // The grain judges again when the hold-off is due, reading or not.
        at = at.AddMinutes(10);
        Apply(gates.Judge(VehicleAlertRules.Conditions(Performance(window, at), rules), active, at, reading: false), active, raised);
        return raised;
    }

    private static void Apply(List<(string Kind, bool Raise, bool Clear)> decisions, List<string> active, List<string> raised)
    {
        foreach (var (kind, raise, clear) in decisions)
        {
            if (raise && !active.Contains(kind))
            {
                active.Add(kind);
                raised.Add(kind);
            }
            else if (clear)
            {
                active.Remove(kind);
            }
        }
    }

    private static VehiclePerformance Performance(EfficiencyWindow window, DateTimeOffset at)
    {
        var s = window.Snapshot(at);
        return new VehiclePerformance("V", s.Start, s.End, s.TotalAcKwh, s.TotalDcKwh, s.EfficiencyRatio, s.AvgBatteryTemp, s.VehicleReadings, s.MeterReadings, s.HealthStatus);
    }

    private static IEnumerable<List<Reading>> Permutations(List<Reading> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = new List<Reading>(items);
            rest.RemoveAt(i);
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    private sealed record Reading(bool Ac, DateTimeOffset Timestamp, double Kwh);
}
