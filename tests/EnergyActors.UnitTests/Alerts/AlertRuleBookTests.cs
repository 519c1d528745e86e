using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Alerts;

namespace EnergyActors.UnitTests.Alerts;

public sealed class AlertRuleBookTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_defaults_have_one_enabled_rule_per_kind_with_the_thresholds_alerts_always_had()
    {
        Assert.Equal(AlertKinds.All, AlertRuleBook.Defaults.Rules.Select(r => r.Kind));
        Assert.All(AlertRuleBook.Defaults.Rules, r => Assert.True(r.Enabled));
        Assert.Equal(0.70, AlertRuleBook.Defaults.For(AlertKinds.EfficiencyCritical)!.Threshold);
        Assert.Equal(1.0, AlertRuleBook.Defaults.For(AlertKinds.EfficiencyAnomaly)!.Threshold);
        Assert.Equal(45, AlertRuleBook.Defaults.For(AlertKinds.BatteryOverTemperature)!.Threshold);
    }

    [Fact]
    public void A_change_replaces_the_kinds_given_and_keeps_the_others()
    {
        var changed = new AlertRule(AlertKinds.SocBelowFloor, false, "warning", 20, 60, 2, 120);
        var update = AlertRuleBook.Merge(AlertRuleBook.Defaults, [changed], At);
        Assert.Null(update.Error);
        Assert.Equal(changed, update.Rules!.For(AlertKinds.SocBelowFloor));
        Assert.Equal(AlertRuleBook.Defaults.For(AlertKinds.UnservedLoad), update.Rules.For(AlertKinds.UnservedLoad));
        Assert.Equal(At, update.Rules.UpdatedAt);
    }

    [Theory]
    [InlineData("NOT_A_KIND", "critical", 1, 0, 1, 0, "rules[1].kind")]
    [InlineData(AlertKinds.UnservedLoad, "urgent", 1, 0, 1, 0, "rules[1].severity")]
    [InlineData(AlertKinds.EfficiencyCritical, "critical", 11, 0, 1, 0, "rules[1].threshold")]
    [InlineData(AlertKinds.SocBelowFloor, "minor", 101, 0, 1, 0, "rules[1].threshold")]
    [InlineData(AlertKinds.DeviceSilent, "major", 0, 0, 1, 0, "rules[1].threshold")]
    [InlineData(AlertKinds.UnservedLoad, "minor", 0, -1, 1, 0, "rules[1].holdOffSeconds")]
    [InlineData(AlertKinds.UnservedLoad, "minor", 0, 0, 0, 0, "rules[1].holdOffReadings")]
    [InlineData(AlertKinds.UnservedLoad, "minor", 0, 0, 1, 700_000, "rules[1].clearSeconds")]
    public void A_wrong_field_is_named_and_nothing_changes(string kind, string severity, double threshold, int holdOff, int readings, int clear, string field)
    {
        var good = new AlertRule(AlertKinds.EfficiencyAnomaly, true, "minor", 1.1, 0, 1, 0);
        var update = AlertRuleBook.Merge(AlertRuleBook.Defaults, [good, new AlertRule(kind, true, severity, threshold, holdOff, readings, clear)], At);
        Assert.Null(update.Rules);
        Assert.Equal(field, update.Field);
        Assert.False(string.IsNullOrWhiteSpace(update.Error));
    }

    [Fact]
    public void A_kind_given_twice_is_refused()
    {
        var rule = new AlertRule(AlertKinds.UnservedLoad, true, "minor", 0, 0, 1, 0);
        Assert.Equal("rules[1].kind", AlertRuleBook.Merge(AlertRuleBook.Defaults, [rule, rule], At).Field);
    }
}
