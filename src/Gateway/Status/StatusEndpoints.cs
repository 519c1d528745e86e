using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Resilience;
using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Status;

/// <summary>GET …/status: the newest reading, straight from the device grain's memory.</summary>
public static class StatusEndpoints
{
    public static RouteGroupBuilder MapDeviceStatus(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        // A group of their own: the ingestion endpoints beside them have no ids in their paths and no filter to pass.
        var status = group.MapGroup(string.Empty).WithRequestRules("meterId", "vehicleId");
        status.MapGet("/meter/{meterId}/status", GetMeterStatus)
            .WithName("GetMeterStatus")
            .WithSummary("The meter's reading with the newest timestamp")
            .WithDescription("The reading with the latest timestamp, not the latest to arrive. 404 for a meter never seen.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.MeterStatus);
        status.MapGet("/vehicle/{vehicleId}/status", GetVehicleStatus)
            .WithName("GetVehicleStatus")
            .WithSummary("The vehicle's reading with the newest timestamp")
            .WithDescription("The reading with the latest timestamp, not the latest to arrive. 404 for a vehicle never seen.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.VehicleStatus);
        return group;
    }

    private static async Task<Results<Ok<MeterStatusResponse>, ProblemHttpResult>> GetMeterStatus(string meterId, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var status = await retry.RunAsync(() => grains.GetGrain<IMeterGrain>(meterId).GetStatus(), cancellationToken);
        if (status is null)
        {
            return NotFound("meter", meterId);
        }

        var latest = status.Latest;
        return TypedResults.Ok(new MeterStatusResponse(status.MeterId, latest.KwhConsumedAc, latest.Voltage, latest.Timestamp.UtcDateTime, latest.VehicleId));
    }

    private static async Task<Results<Ok<VehicleStatusResponse>, ProblemHttpResult>> GetVehicleStatus(string vehicleId, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var status = await retry.RunAsync(() => grains.GetGrain<IVehicleGrain>(vehicleId).GetStatus(), cancellationToken);
        if (status is null)
        {
            return NotFound("vehicle", vehicleId);
        }

        var latest = status.Latest;
        return TypedResults.Ok(new VehicleStatusResponse(status.VehicleId, latest.Soc, latest.KwhDeliveredDc, latest.BatteryTemp, latest.Timestamp.UtcDateTime));
    }

    private static ProblemHttpResult NotFound(string kind, string id) => Problems.NotFound($"Unknown {kind}", $"No reading has been stored for {kind} '{id}'.");
}
