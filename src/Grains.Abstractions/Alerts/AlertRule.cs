namespace EnergyActors.Grains.Abstractions.Alerts;

/// <summary>
/// How a fleet wants one kind of alert judged. <see cref="Threshold"/> means, per kind: the efficiency ratio below
/// which (CRITICAL) or above which (ANOMALY) a vehicle is judged, the SOC floor in percent, the battery temperature in
/// °C, the unserved load in kW, or the minutes of silence. A condition raises only once it has held for
/// <see cref="HoldOffSeconds"/> and over <see cref="HoldOffReadings"/> readings, and clears only once it has been
/// false for <see cref="ClearSeconds"/>. Efficiency is judged only when the window holds at least
/// <see cref="MinAcKwh"/> of AC energy and <see cref="MinReadings"/> readings of each side.
/// </summary>
[GenerateSerializer, Immutable, Alias("ea.AlertRule")]
public sealed record AlertRule(
    [property: Id(0)] string Kind,
    [property: Id(1)] bool Enabled,
    [property: Id(2)] string Severity,
    [property: Id(3)] double Threshold,
    [property: Id(4)] int HoldOffSeconds,
    [property: Id(5)] int HoldOffReadings,
    [property: Id(6)] int ClearSeconds,
    [property: Id(7)] double MinAcKwh = 0,
    [property: Id(8)] int MinReadings = 0);

/// <summary>A fleet's rules, one per kind, and when they last changed (null: never, the defaults).</summary>
[GenerateSerializer, Immutable, Alias("ea.AlertRuleSet")]
public sealed record AlertRuleSet(
    [property: Id(0)] IReadOnlyList<AlertRule> Rules,
    [property: Id(1)] DateTimeOffset? UpdatedAt)
{
    public AlertRule? For(string kind)
    {
        foreach (var rule in Rules)
        {
            if (rule.Kind == kind)
            {
                return rule;
            }
        }

        return null;
    }
}

/// <summary>The outcome of replacing a fleet's rules: the rules now in force, or the field that is wrong and why.</summary>
[GenerateSerializer, Immutable, Alias("ea.AlertRuleUpdate")]
public sealed record AlertRuleUpdate(
    [property: Id(0)] AlertRuleSet? Rules,
    [property: Id(1)] string? Field,
    [property: Id(2)] string? Error);
