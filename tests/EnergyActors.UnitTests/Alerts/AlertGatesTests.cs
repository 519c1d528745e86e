using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Alerts;
using Microsoft.Extensions.Time.Testing;

namespace EnergyActors.UnitTests.Alerts;

/// <summary>Hold-off and clear time on a fake clock: a condition raises only once it has held long enough, and clears only once it has been false long enough.</summary>
public sealed class AlertGatesTests
{
    private static readonly AlertRule Rule = new(AlertKinds.EfficiencyCritical, true, "critical", 0.7, HoldOffSeconds: 300, HoldOffReadings: 3, ClearSeconds: 600);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly AlertGates _gates = new();
    private readonly List<string> _active = [];

    [Fact]
    public void A_condition_raises_only_after_its_hold_off_time_and_readings()
    {
        Assert.False(Judge(holds: true).Raise);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(300), _gates.NextDue);
        _clock.Advance(TimeSpan.FromSeconds(299));
        Assert.False(Judge(holds: true).Raise);
        _clock.Advance(TimeSpan.FromSeconds(1));
        // 300 s have passed, but only 2 readings saw it: not yet.
        Assert.False(Judge(holds: true, reading: false).Raise);
        Assert.True(Judge(holds: true).Raise);
    }

    [Fact]
    public void A_condition_that_flips_back_within_the_hold_off_leaves_no_alert_and_starts_again()
    {
        Judge(holds: true);
        Judge(holds: true);
        _clock.Advance(TimeSpan.FromSeconds(200));
        Judge(holds: false);
        Assert.Null(_gates.NextDue);
        Assert.True(_gates.IsIdle);
        _clock.Advance(TimeSpan.FromSeconds(200));
        Assert.False(Judge(holds: true).Raise);
        _clock.Advance(TimeSpan.FromSeconds(200));
        Judge(holds: true);
        // 200 s since it held again, though 600 s since it first did.
        Assert.False(Judge(holds: true).Raise);
    }

    [Fact]
    public void An_active_alert_clears_only_after_its_clear_time_and_a_relapse_keeps_it()
    {
        var immediate = Rule with { HoldOffSeconds = 0, HoldOffReadings = 1 };
        Assert.True(Judge(holds: true, rule: immediate).Raise);
        _active.Add(Rule.Kind);

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(Judge(holds: false, rule: immediate).Clear);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(600), _gates.NextDue);
        _clock.Advance(TimeSpan.FromSeconds(300));
        Judge(holds: true, rule: immediate);
        _clock.Advance(TimeSpan.FromSeconds(400));
        // False again only now: the 600 s start over.
        Assert.False(Judge(holds: false, rule: immediate).Clear);
        _clock.Advance(TimeSpan.FromSeconds(599));
        Assert.False(Judge(holds: false, rule: immediate, reading: false).Clear);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Judge(holds: false, rule: immediate, reading: false).Clear);
    }

    [Fact]
    public void Without_evidence_a_pending_raise_waits_and_a_disabled_rule_clears_its_alert()
    {
        Judge(holds: true);
        var due = _gates.NextDue;
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal((false, false), Decide(new AlertCondition(Rule, Raise: false, Clear: false)));
        Assert.Equal(due, _gates.NextDue);

        _active.Add(Rule.Kind);
        Assert.Equal((false, true), Decide(new AlertCondition(Rule with { Enabled = false }, Raise: true, Clear: false)));
        Assert.True(_gates.IsIdle);
    }

    private (bool Raise, bool Clear) Judge(bool holds, bool reading = true, AlertRule? rule = null) =>
        Decide(new AlertCondition(rule ?? Rule, Raise: holds, Clear: !holds), reading);

    private (bool Raise, bool Clear) Decide(AlertCondition condition, bool reading = true)
    {
        var decision = Assert.Single(_gates.Judge([condition], _active, _clock.GetUtcNow(), reading));
        return (decision.Raise, decision.Clear);
    }
}
