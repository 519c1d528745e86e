using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Access;

namespace EnergyActors.Grains.Alerts;

/// <summary>A fleet's alert rules, stored with the grain; the defaults until its operators replace them.</summary>
[GrainType("alert-rules")]
public sealed class AlertRulesGrain(
    TimeProvider time,
    [PersistentState("rules", GrainStorage.Name)] IPersistentState<AlertRulesState> stored) : Grain, IAlertRulesGrain
{
    private AlertRuleSet Current => stored.State.Rules ?? AlertRuleBook.Defaults;

    public Task<AlertRuleSet> Read()
    {
        FleetAccess.DemandOneFleet(this.GetPrimaryKeyString(), "read alert rules");
        return Task.FromResult(Current);
    }

    public async Task<AlertRuleUpdate> Replace(IReadOnlyList<AlertRule> rules)
    {
        FleetAccess.DemandOneFleet(this.GetPrimaryKeyString(), "change alert rules");
        var update = AlertRuleBook.Merge(Current, rules, time.GetUtcNow());
        if (update.Rules is { } merged)
        {
            stored.State.Rules = merged;
            await stored.WriteStateAsync();
        }

        return update;
    }

    public Task<AlertRuleSet> ForDevices() => Task.FromResult(Current);
}

/// <summary>Null until the fleet's operators first replace a rule.</summary>
[GenerateSerializer, Alias("ea.AlertRulesState")]
public sealed class AlertRulesState
{
    [Id(0)]
    public AlertRuleSet? Rules { get; set; }
}
