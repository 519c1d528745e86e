using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Grains.Abstractions.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Admin;

/// <summary>GET /v1/admin/audit: the changes operators and admins asked for, refused ones included, newest first.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/audit", ListAudit)
            .WithName("ListAudit")
            .WithSummary("The audit log, newest first")
            .WithDescription("Every change to fleets, keys, rate limits, sites, links, outages and replays, with the key that asked, the fleet it "
                + "concerned, the operation and its target path, the time and the status it was answered with. Page with before.")
            .WithExamples(AccessExamples.Audit);
        return group;
    }

    private static async Task<Ok<AuditListResponse>> ListAudit([AsParameters] AuditListParameters query, IGrainFactory grains) =>
        TypedResults.Ok(new AuditListResponse([.. (await grains.GetGrain<IAuditLogGrain>(0).List(query.ToQuery())).Select(AuditEntryResponse.From)]));
}
