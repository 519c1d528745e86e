using System.Security.Claims;
using EnergyActors.Gateway.Access;
using EnergyActors.Grains.Abstractions.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyActors.Tests.Access;

/// <summary>Which role each policy admits, and that a caller without a key is admitted by none, the fallback included.</summary>
public sealed class AccessPoliciesTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IAuthorizationService _authorization;

    public AccessPoliciesTests()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAuthorizationBuilder().AddAccessPolicies();
        _services = services.BuildServiceProvider();
        _authorization = _services.GetRequiredService<IAuthorizationService>();
    }

    [Theory]
    [InlineData(ApiKeyRole.Device, AccessPolicies.Ingest, true)]
    [InlineData(ApiKeyRole.Device, AccessPolicies.Operate, false)]
    [InlineData(ApiKeyRole.Device, AccessPolicies.Administer, false)]
    [InlineData(ApiKeyRole.Operator, AccessPolicies.Ingest, true)]
    [InlineData(ApiKeyRole.Operator, AccessPolicies.Operate, true)]
    [InlineData(ApiKeyRole.Operator, AccessPolicies.Administer, false)]
    [InlineData(ApiKeyRole.Admin, AccessPolicies.Ingest, true)]
    [InlineData(ApiKeyRole.Admin, AccessPolicies.Operate, true)]
    [InlineData(ApiKeyRole.Admin, AccessPolicies.Administer, true)]
    public async Task A_role_is_admitted_by_the_policies_of_its_routes(ApiKeyRole role, string policy, bool admitted)
    {
        var caller = CallerClaims.Principal("k1", "fleet-1", role, ApiKeyAuthenticationHandler.SchemeName);
        Assert.Equal(admitted, (await _authorization.AuthorizeAsync(caller, resource: null, policy)).Succeeded);
    }

    [Fact]
    public async Task A_caller_without_a_key_is_admitted_by_no_policy_nor_by_the_fallback()
    {
        var nobody = new ClaimsPrincipal(new ClaimsIdentity());
        foreach (var policy in AccessPolicies.Roles.Keys)
        {
            Assert.False((await _authorization.AuthorizeAsync(nobody, resource: null, policy)).Succeeded, policy);
        }

        var fallback = await _services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        Assert.NotNull(fallback);
        Assert.False((await _authorization.AuthorizeAsync(nobody, resource: null, fallback)).Succeeded);
        var device = CallerClaims.Principal("k1", "fleet-1", ApiKeyRole.Device, ApiKeyAuthenticationHandler.SchemeName);
        Assert.True((await _authorization.AuthorizeAsync(device, resource: null, fallback)).Succeeded);
    }

    [Fact]
    public void The_claims_name_the_key_the_fleet_and_the_role()
    {
        var caller = CallerClaims.Principal("k1", "fleet-1", ApiKeyRole.Operator, ApiKeyAuthenticationHandler.SchemeName);
        Assert.Equal(("k1", "fleet-1", "operator"), (CallerClaims.KeyIdOf(caller), CallerClaims.FleetOf(caller), CallerClaims.RoleOf(caller)));
        Assert.True(caller.IsInRole(CallerClaims.Operator));
        Assert.Equal("k1", caller.Identity!.Name);
    }

    public void Dispose() => _services.Dispose();
}
