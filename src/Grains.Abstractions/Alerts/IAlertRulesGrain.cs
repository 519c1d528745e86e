using Orleans.Concurrency;

namespace EnergyActors.Grains.Abstractions.Alerts;

/// <summary>A fleet's alert rules (keyed by fleet id); the fleet's defaults until an operator replaces them.</summary>
[Alias("ea.IAlertRulesGrain")]
public interface IAlertRulesGrain : IGrainWithStringKey
{
    /// <summary>For the fleet's operators (the call's scope must be this fleet).</summary>
    [Alias("Read")]
    Task<AlertRuleSet> Read();

    /// <summary>Replaces every rule of the kinds given; kinds left out keep their rule. Refused whole when one field is wrong.</summary>
    [Alias("Replace")]
    Task<AlertRuleUpdate> Replace(IReadOnlyList<AlertRule> rules);

    /// <summary>For the fleet's own device grains, which judge their readings by these rules.</summary>
    [Alias("ForDevices"), ReadOnly]
    Task<AlertRuleSet> ForDevices();
}
