using EnergyActors.Gateway.Access;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.RateLimits;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EnergyActors.Gateway.Admin;

/// <summary>/v1/admin: fleets and their API keys. A key's secret is made here, shown once in the answer, and only its hash is kept.</summary>
public static class AdminEndpoints
{
    // A random 64-bit key id colliding with an issued one is not expected in the lifetime of the product; a few tries cover it.
    private const int IssueAttempts = 3;

    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithRequestRules("fleetId", "keyId");
        group.MapPost("/fleets", CreateFleet)
            .WithName("CreateFleet")
            .WithSummary("Register a fleet")
            .WithDescription("A fleet (a tenant) owns devices, sites, links and alerts, and holds API keys. 409 when the id is taken.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExamples(AccessExamples.Fleet, AccessExamples.FleetCreate);
        group.MapGet("/fleets", ListFleets)
            .WithName("ListFleets")
            .WithSummary("Every fleet, in id order")
            .WithExamples(AccessExamples.Fleets);
        group.MapGet("/fleets/{fleetId}", GetFleet)
            .WithName("GetFleetAccount")
            .WithSummary("A fleet")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(AccessExamples.Fleet);
        group.MapPatch("/fleets/{fleetId}", PatchFleet)
            .WithName("PatchFleet")
            .WithSummary("Set the fleet's own rate limits")
            .WithDescription("Requests and readings per second that each of the fleet's keys may send (a batch of n readings counts n); "
                + "a null figure, or rateLimits null, returns to the configured default. Every gateway applies a change within 5 seconds. "
                + "Over a limit a request is answered 429 with Retry-After, and nothing of it is stored.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(AccessExamples.Fleet, AccessExamples.FleetPatch);
        group.MapPost("/fleets/{fleetId}/keys", CreateKey)
            .WithName("CreateKey")
            .WithSummary("Create an API key for the fleet")
            .WithDescription("The answer's key is the secret to send as 'Authorization: Bearer <key>'. It is shown in this answer only: "
                + "only its hash is stored. An expired or revoked key is refused by every gateway within 5 seconds.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExamples(AccessExamples.CreatedKey, AccessExamples.KeyCreate);
        group.MapGet("/fleets/{fleetId}/keys", ListKeys)
            .WithName("ListKeys")
            .WithSummary("The fleet's keys that are not revoked, oldest first, without secrets")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(AccessExamples.Keys);
        group.MapGet("/fleets/{fleetId}/keys/{keyId}", GetKey)
            .WithName("GetKey")
            .WithSummary("One of the fleet's keys, without its secret")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(AccessExamples.Key);
        group.MapDelete("/fleets/{fleetId}/keys/{keyId}", RevokeKey)
            .WithName("RevokeKey")
            .WithSummary("Revoke a key")
            .WithDescription("Every gateway refuses the key within 5 seconds; it leaves the fleet's list. 404 when the fleet holds no such key.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<FleetAccountResponse>, ProblemHttpResult>> CreateFleet(
        Body<FleetCreateRequest> body, IGrainFactory grains, IOptions<RateLimitOptions> limits)
    {
        var request = body.Value;
        var result = await grains.GetGrain<IFleetDirectoryGrain>(0).CreateFleet(request.FleetId, request.Name);
        return result.Created
            ? TypedResults.Created($"/v1/admin/fleets/{request.FleetId}", FleetAccountResponse.From(result.Fleet, limits.Value))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Fleet exists", detail: $"Fleet '{request.FleetId}' is already registered.");
    }

    private static async Task<Ok<FleetAccountListResponse>> ListFleets(IGrainFactory grains, IOptions<RateLimitOptions> limits) =>
        TypedResults.Ok(new FleetAccountListResponse([.. (await grains.GetGrain<IFleetDirectoryGrain>(0).List()).Select(f => FleetAccountResponse.From(f, limits.Value))]));

    private static async Task<Results<Ok<FleetAccountResponse>, ProblemHttpResult>> GetFleet(string fleetId, IGrainFactory grains, IOptions<RateLimitOptions> limits) =>
        await grains.GetGrain<IFleetAccountGrain>(fleetId).GetAccount() is { } fleet ? TypedResults.Ok(FleetAccountResponse.From(fleet, limits.Value)) : UnknownFleet(fleetId);

    private static async Task<Results<Ok<FleetAccountResponse>, ProblemHttpResult>> PatchFleet(
        string fleetId, Body<FleetPatchRequest> body, IGrainFactory grains, IOptions<RateLimitOptions> limits)
    {
        var own = body.Value.RateLimits is { } set ? new FleetRateLimits(set.RequestsPerSecond, set.ReadingsPerSecond) : null;
        return await grains.GetGrain<IFleetAccountGrain>(fleetId).SetRateLimits(own) is { } fleet
            ? TypedResults.Ok(FleetAccountResponse.From(fleet, limits.Value))
            : UnknownFleet(fleetId);
    }

    private static async Task<Results<Created<CreatedKeyResponse>, ProblemHttpResult>> CreateKey(
        string fleetId, Body<KeyCreateRequest> body, IGrainFactory grains, TimeProvider time, HttpResponse response)
    {
        var request = body.Value;
        for (var attempt = 1; ; attempt++)
        {
            var (keyId, key) = ApiKeyText.Create();
            var grant = new ApiKeyGrant(keyId, fleetId, request.KeyRole, request.Name, ApiKeyText.Hash(key), time.GetUtcNow(), request.ExpiresAt);
            switch (await grains.GetGrain<IFleetAccountGrain>(fleetId).IssueKey(grant))
            {
                case KeyIssue.Issued:
                    // The secret is in this answer only: no cache on the way may keep it.
                    response.Headers.CacheControl = "no-store";
                    return TypedResults.Created(
                        $"/v1/admin/fleets/{fleetId}/keys/{keyId}",
                        new CreatedKeyResponse(keyId, key, request.Role, fleetId, request.Name, grant.CreatedAt.UtcDateTime, request.ExpiresAt?.UtcDateTime));
                case KeyIssue.UnknownFleet:
                    return UnknownFleet(fleetId);
                case KeyIssue.FleetFull:
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status409Conflict,
                        title: "Too many keys",
                        detail: $"Fleet '{fleetId}' holds {IFleetAccountGrain.MaxKeys} keys; revoke one first.");
                case KeyIssue.KeyIdTaken when attempt < IssueAttempts:
                    continue;
                default:
                    throw new InvalidOperationException($"No free key id after {IssueAttempts} attempts.");
            }
        }
    }

    private static async Task<Results<Ok<KeyListResponse>, ProblemHttpResult>> ListKeys(string fleetId, IGrainFactory grains) =>
        await grains.GetGrain<IFleetAccountGrain>(fleetId).ListKeys() is { } keys
            ? TypedResults.Ok(new KeyListResponse([.. keys.Select(KeyResponse.From)]))
            : UnknownFleet(fleetId);

    private static async Task<Results<Ok<KeyResponse>, ProblemHttpResult>> GetKey(string fleetId, string keyId, IGrainFactory grains)
    {
        var keys = await grains.GetGrain<IFleetAccountGrain>(fleetId).ListKeys();
        return keys is null ? UnknownFleet(fleetId)
            : keys.FirstOrDefault(k => k.KeyId == keyId) is { } key ? TypedResults.Ok(KeyResponse.From(key))
            : UnknownKey(fleetId, keyId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(string fleetId, string keyId, IGrainFactory grains) =>
        await grains.GetGrain<IFleetAccountGrain>(fleetId).RevokeKey(keyId) ? TypedResults.NoContent() : UnknownKey(fleetId, keyId);

    private static ProblemHttpResult UnknownFleet(string fleetId) => Problems.NotFound("Unknown fleet", $"Fleet '{fleetId}' is not registered.");

    private static ProblemHttpResult UnknownKey(string fleetId, string keyId) =>
        Problems.NotFound("Unknown key", $"Fleet '{fleetId}' holds no key '{keyId}' (or it was revoked).");
}
