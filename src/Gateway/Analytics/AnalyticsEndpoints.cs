using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Resilience;
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
            .WithDescription("Over the 24 hours ending with the current bucket: AC credited to the vehicle, DC it took, their ratio and "
                + "health verdict (HEALTHY >= 0.85, WARNING >= 0.70, CRITICAL below, ANOMALY above 1, NO_DATA without AC). "
                + "In the reference engine's envelope. 404 for a vehicle never seen.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.VehiclePerformance);
        group.MapGet("/performance/{vehicleId}/hourly", GetHours)
            .WithName("GetVehicleHours")
            .WithSummary("One vehicle's last 24 h by the hour")
            .WithDescription("Each UTC hour of the last 24 with any reading: AC energy attributed to the vehicle (acKwh), DC energy it "
                + "delivered (dcKwh), its mean battery temperature and its last SOC in that hour; read from history, for charts. "
                + "404 for a vehicle never seen.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.VehicleHours);
        group.MapGet("/fleet", GetFleet)
            .WithName("GetFleet")
            .WithSummary("Vehicles per health status, worst first")
            .WithDescription("Counts of vehicles per healthStatus and the vehicles with the lowest efficiency first, each with its "
                + "performance figures; served from memory, it agrees with the per-vehicle endpoint within seconds.")
            .WithExamples(ApiExamples.Fleet);
        return group;
    }

    private static async Task<Results<Ok<PerformanceResponse>, ProblemHttpResult>> GetPerformance(string vehicleId, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var performance = await retry.RunAsync(() => grains.GetGrain<IVehicleGrain>(vehicleId).GetPerformance(), cancellationToken);
        return performance is null
            ? Problems.NotFound("Unknown vehicle", $"No reading has been stored for vehicle '{vehicleId}' or attributed to it.")
            : TypedResults.Ok(new PerformanceResponse(true, PerformanceData.From(performance)));
    }

    private static async Task<Results<Ok<VehicleHoursResponse>, ProblemHttpResult>> GetHours(string vehicleId, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var hours = await retry.RunAsync(() => grains.GetGrain<IVehicleGrain>(vehicleId).GetHours(), cancellationToken);
        return hours is null
            ? Problems.NotFound("Unknown vehicle", $"No reading has been stored for vehicle '{vehicleId}' or attributed to it.")
            : TypedResults.Ok(new VehicleHoursResponse(vehicleId, hours.Select(h => new VehicleHourResponse(h.Hour.UtcDateTime, h.AcKwh, h.DcKwh, h.AvgBatteryTemp, h.LastSoc)).ToList()));
    }

    private static async Task<Ok<FleetResponse>> GetFleet([AsParameters] FleetParameters query, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var view = await retry.RunAsync(() => grains.GetGrain<IFleetQueryGrain>(0).Query(query.Filter, query.Take), cancellationToken);
        var counts = view.Counts.ToDictionary(c => HealthStatusNames.Name(c.Key), c => c.Value, StringComparer.Ordinal);
        return TypedResults.Ok(new FleetResponse(counts, view.Worst.Select(FleetVehicleData.Of).ToList()));
    }
}
