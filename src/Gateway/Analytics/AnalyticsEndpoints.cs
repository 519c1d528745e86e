using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Analytics;

/// <summary>GET /v1/analytics/*: figures the vehicle grains and the fleet index keep in memory.</summary>
public static class AnalyticsEndpoints
{
    private const int MaxFleetLimit = 1_000;

    public static RouteGroupBuilder MapAnalytics(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
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
        if (!DeviceId.IsValid(vehicleId))
        {
            return Problems.InvalidId("vehicleId");
        }

        var performance = await grains.GetGrain<IVehicleGrain>(vehicleId).GetPerformance();
        return performance is null
            ? Problems.NotFound("Unknown vehicle", $"No reading has been stored for vehicle '{vehicleId}' or attributed to it.")
            : TypedResults.Ok(new PerformanceResponse(true, PerformanceData.From(performance)));
    }

    private static async Task<Results<Ok<FleetResponse>, ValidationProblem>> GetFleet(string? status, string? limit, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        HealthStatus? filter = null;
        if (status is not null)
        {
            if (HealthStatusNames.TryParse(status, out var parsed))
            {
                filter = parsed;
            }
            else
            {
                errors.Add(new FieldError("status", "'status' must be one of HEALTHY, WARNING, CRITICAL, ANOMALY, NO_DATA."));
            }
        }

        if (Problems.Limit(limit, 1, MaxFleetLimit, out var take, fallback: 100) is { } limitError)
        {
            errors.Add(limitError);
        }

        if (errors.Count > 0)
        {
            return ValidationResults.From(errors);
        }

        var view = await grains.GetGrain<IFleetQueryGrain>(0).Query(filter, take);
        var counts = view.Counts.ToDictionary(c => HealthStatusNames.Name(c.Key), c => c.Value, StringComparer.Ordinal);
        return TypedResults.Ok(new FleetResponse(counts, view.Worst.Select(FleetVehicleData.Of).ToList()));
    }
}
