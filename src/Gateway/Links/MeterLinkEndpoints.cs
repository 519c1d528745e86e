using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Resilience;
using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Links;

/// <summary>PUT/GET/DELETE /v1/vehicles/{vehicleId}/meter: which meter (charger) a vehicle draws from.</summary>
public static class MeterLinkEndpoints
{
    public static RouteGroupBuilder MapMeterLinks(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithRequestRules("vehicleId");
        group.MapPut("/{vehicleId}/meter", PutLink)
            .WithName("LinkMeter")
            .WithSummary("Link a meter to the vehicle")
            .WithDescription("A meter has at most one linked vehicle; a new link moves it. Meter readings without a vehicleId are "
                + "credited to the vehicle linked at ingestion time.")
            .WithExamples(ApiExamples.Linked, ApiExamples.Link);
        group.MapGet("/{vehicleId}/meter", GetLink)
            .WithName("GetMeterLink")
            .WithSummary("The meter linked to the vehicle")
            .WithDescription("404 when the vehicle has no linked meter.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.Linked);
        group.MapDelete("/{vehicleId}/meter", DeleteLink)
            .WithName("UnlinkMeter")
            .WithSummary("Unlink the vehicle's meter")
            .WithDescription("204 when a link was removed, 404 when there was none.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<MeterLinkResponse>> PutLink(string vehicleId, Body<MeterLinkRequest> body, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var link = await retry.RunAsync(() => grains.GetGrain<IVehicleLinkGrain>(vehicleId).LinkMeter(body.Value.MeterId), cancellationToken);
        return TypedResults.Ok(new MeterLinkResponse(link.VehicleId, link.MeterId, link.LinkedAt.UtcDateTime));
    }

    private static async Task<Results<Ok<MeterLinkResponse>, ProblemHttpResult>> GetLink(string vehicleId, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var link = await retry.RunAsync(() => grains.GetGrain<IVehicleLinkGrain>(vehicleId).GetMeterLink(), cancellationToken);
        return link is null
            ? NoLink(vehicleId)
            : TypedResults.Ok(new MeterLinkResponse(link.VehicleId, link.MeterId, link.LinkedAt.UtcDateTime));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteLink(string vehicleId, IGrainFactory grains) =>
        await grains.GetGrain<IVehicleLinkGrain>(vehicleId).UnlinkMeter() ? TypedResults.NoContent() : NoLink(vehicleId);

    private static ProblemHttpResult NoLink(string vehicleId) => Problems.NotFound("No meter linked", $"Vehicle '{vehicleId}' has no linked meter.");
}
