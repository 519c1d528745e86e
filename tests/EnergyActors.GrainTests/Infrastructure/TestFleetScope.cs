using EnergyActors.Grains.Abstractions.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// The test client acts for the fleet <see cref="Fleet"/> unless a test entered another scope itself: the grains refuse
/// calls without one, as they refuse calls that did not pass the gateway's access decision.
/// </summary>
public sealed class TestFleetScope : IClientBuilderConfigurator
{
    public const string Fleet = "default";

    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Services.AddSingleton<IOutgoingGrainCallFilter, EnterUnlessEntered>();

    private sealed class EnterUnlessEntered : IOutgoingGrainCallFilter
    {
        public Task Invoke(IOutgoingGrainCallContext context)
        {
            if (FleetScope.Current is null)
            {
                FleetScope.Enter(Fleet);
            }

            return context.Invoke();
        }
    }
}
