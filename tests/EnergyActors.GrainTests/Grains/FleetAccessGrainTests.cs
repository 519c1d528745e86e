using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Grains;

/// <summary>
/// Fleets and keys as the grains keep them: a fleet created once and listed, keys issued under ids used only once,
/// listed without hashes, and revoked for good; and the first admin key issued to exactly one of many callers.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class FleetAccessGrainTests(GrainClusterFixture fixture)
{
    private static readonly DateTimeOffset At = new(2026, 1, 31, 14, 0, 0, TimeSpan.Zero);

    private IFleetDirectoryGrain Directory => fixture.Grains.GetGrain<IFleetDirectoryGrain>(0);

    [Fact]
    public async Task A_fleet_is_created_once_and_listed_by_the_directory()
    {
        var fleetId = $"fleet-{Guid.NewGuid():N}";
        var first = await Directory.CreateFleet(fleetId, "first name");
        var second = await Directory.CreateFleet(fleetId, "second name");
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Fleet, second.Fleet);
        Assert.Equal("first name", (await fixture.Grains.GetGrain<IFleetAccountGrain>(fleetId).GetAccount())?.Name);
        Assert.Single(await Directory.List(), f => f.FleetId == fleetId);
    }

    [Fact]
    public async Task Keys_are_issued_listed_without_their_hash_and_revoked_for_good()
    {
        var fleetId = $"fleet-{Guid.NewGuid():N}";
        var fleet = fixture.Grains.GetGrain<IFleetAccountGrain>(fleetId);
        var grant = Grant(fleetId, ApiKeyRole.Operator);
        Assert.Equal(KeyIssue.UnknownFleet, await fleet.IssueKey(grant));
        Assert.Null(await fleet.ListKeys());

        await Directory.CreateFleet(fleetId, "keys");
        Assert.Equal(KeyIssue.Issued, await fleet.IssueKey(grant));
        Assert.Equal(KeyIssue.KeyIdTaken, await fleet.IssueKey(grant with { Name = "again" }));
        Assert.Equal(new[] { grant.Info }, await fleet.ListKeys());
        var key = fixture.Grains.GetGrain<IApiKeyGrain>(grant.KeyId);
        var credential = await key.GetCredential();
        Assert.Equal((fleetId, ApiKeyRole.Operator, (DateTimeOffset?)null), (credential?.FleetId, credential?.Role, credential?.RevokedAt));
        Assert.Equal(grant.SecretHash, credential!.SecretHash);

        Assert.True(await fleet.RevokeKey(grant.KeyId));
        Assert.False(await fleet.RevokeKey(grant.KeyId));
        Assert.Empty((await fleet.ListKeys())!);
        Assert.NotNull((await key.GetCredential())?.RevokedAt);
        // A revoked key's id is never issued again, not even to its own fleet.
        Assert.Equal(KeyIssue.KeyIdTaken, await fleet.IssueKey(grant));
        Assert.Empty((await fleet.ListKeys())!);
    }

    [Fact]
    public async Task A_key_id_held_by_another_fleet_is_not_issued_and_not_listed()
    {
        var (a, b) = ($"fleet-{Guid.NewGuid():N}", $"fleet-{Guid.NewGuid():N}");
        await Directory.CreateFleet(a, "a");
        await Directory.CreateFleet(b, "b");
        var grant = Grant(a, ApiKeyRole.Device);
        Assert.Equal(KeyIssue.Issued, await fixture.Grains.GetGrain<IFleetAccountGrain>(a).IssueKey(grant));
        Assert.Equal(KeyIssue.KeyIdTaken, await fixture.Grains.GetGrain<IFleetAccountGrain>(b).IssueKey(grant with { FleetId = b }));
        Assert.Empty((await fixture.Grains.GetGrain<IFleetAccountGrain>(b).ListKeys())!);
        Assert.Equal(a, (await fixture.Grains.GetGrain<IApiKeyGrain>(grant.KeyId).GetCredential())?.FleetId);
    }

    /// <remarks>The only test of this cluster that issues an admin key: the directory remembers the first one for good.</remarks>
    [Fact]
    public async Task Of_many_callers_offering_the_first_admin_key_exactly_one_has_it_issued_and_later_offers_are_declined()
    {
        var fleetId = $"admins-{Guid.NewGuid():N}";
        var offers = Enumerable.Range(0, 8).Select(_ => Grant(fleetId, ApiKeyRole.Admin)).ToList();
        var issued = await Task.WhenAll(offers.Select(o => Directory.TryIssueFirstAdminKey(o, "admins")));
        Assert.Single(issued, i => i);
        var winner = offers[Array.IndexOf(issued, true)];
        Assert.Equal(new[] { winner.Info }, await fixture.Grains.GetGrain<IFleetAccountGrain>(fleetId).ListKeys());
        Assert.Contains(await Directory.List(), f => f.FleetId == fleetId);
        Assert.False(await Directory.TryIssueFirstAdminKey(Grant(fleetId, ApiKeyRole.Admin), "admins"));
    }

    private static ApiKeyGrant Grant(string fleetId, ApiKeyRole role)
    {
        var keyId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]);
        return new ApiKeyGrant(keyId, fleetId, role, $"{role} key", System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()), At, ExpiresAt: null);
    }
}
