using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Resilience;
using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Grains.Abstractions.Alerts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Alerts;

/// <summary>GET and PUT /v1/alert-rules: the caller's fleet's rules, one per kind of alert.</summary>
public static class AlertRuleEndpoints
{
    public static RouteGroupBuilder MapAlertRules(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithRequestRules();
        group.MapGet("/", Read)
            .WithName("GetAlertRules")
            .WithSummary("The fleet's alert rules")
            .WithDescription("One rule per kind: enabled, severity, threshold, hold-off (seconds and readings) and clear time; efficiency "
                + "rules also the evidence needed (minimum AC kWh and readings of each side). The defaults until changed (updatedAt null).")
            .WithExamples(ApiExamples.AlertRules);
        group.MapPut("/", Replace)
            .WithName("PutAlertRules")
            .WithSummary("Change the fleet's alert rules")
            .WithDescription("Whole rules of the kinds to change; kinds left out keep theirs. Every device of the fleet judges by them within "
                + "5 seconds. A wrong field is a 400 naming it (rules[i].field); nothing changes then.")
            .WithExamples(ApiExamples.AlertRules, ApiExamples.AlertRulesChange);
        return group;
    }

    private static async Task<Results<Ok<AlertRulesResponse>, ValidationProblem>> Read(IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        if (OneFleet() is not { } fleet)
        {
            return FleetRequired();
        }

        return TypedResults.Ok(AlertRulesResponse.From(await retry.RunAsync(() => grains.GetGrain<IAlertRulesGrain>(fleet).Read(), cancellationToken)));
    }

    private static async Task<Results<Ok<AlertRulesResponse>, ValidationProblem>> Replace(Body<AlertRulesRequest> body, IGrainFactory grains)
    {
        if (OneFleet() is not { } fleet)
        {
            return FleetRequired();
        }

        var update = await grains.GetGrain<IAlertRulesGrain>(fleet).Replace([.. body.Value.Rules.Select(r => r.ToRule())]);
        return update.Rules is { } rules
            ? TypedResults.Ok(AlertRulesResponse.From(rules))
            : ValidationResults.From(new FieldError(update.Field!, update.Error!));
    }

    private static string? OneFleet() => FleetScope.Current is { } scope && scope != FleetScope.AllFleets ? scope : null;

    private static ValidationProblem FleetRequired() =>
        ValidationResults.From(new FieldError("fleetId", "An admin key acts for every fleet: name the fleet whose rules these are with ?fleetId=."));
}
