using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Analytics;

/// <summary>GET /v1/analytics/*: figures the vehicle grains and the fleet index keep in memory.</summary>
public static class AnalyticsEndpoints
{
    public static RouteGroupBuilder MapAnalytics(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithRequestRules("vehicleId");
        group.MapGet("/performance/{vehicleId}", GetPerformance)
            .WithName("GetVehiclePerformance")
            .WithSummary("Rolling 24 h AC/DC charging efficiency of one vehicle")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/fleet", GetFleet)
            .WithName("GetFleet")
            .WithSummary("Vehicles per health status, worst first (?status=CRITICAL&limit=100)")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<PerformanceResponse>, ValidationProblem, ProblemHttpResult>> GetPerformance(string vehicleId, IGrainFactory grains)
    {
        var performance = await grains.GetGrain<IVehicleGrain>(vehicleId).GetPerformance();
        return performance is null
            ? Problems.NotFound("Unknown vehicle", $"No reading has been stored for vehicle '{vehicleId}' or attributed to it.")
            : TypedResults.Ok(new PerformanceResponse(true, PerformanceData.From(performance)));
    }

    private static async Task<Ok<FleetResponse>> GetFleet([AsParameters] FleetParameters query, IGrainFactory grains)
    {
        var view = await grains.GetGrain<IFleetGrain>(0).Query(query.Filter, query.Take);
        var counts = view.Counts.ToDictionary(c => HealthStatusNames.Name(c.Key), c => c.Value, StringComparer.Ordinal);
        return TypedResults.Ok(new FleetResponse(counts, view.Worst.Select(FleetVehicleData.Of).ToList()));
    }
}
