using EnergyActors.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting.Kubernetes;

namespace EnergyActors.Tests.Hosting;

/// <summary>Orleans' Kubernetes hosting joins the silo only when configured: outside a pod it would fail to start.</summary>
public sealed class KubernetesHostingTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void The_cluster_agent_is_added_only_when_enabled(string? enabled, bool added)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (enabled is not null)
        {
            builder.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>(KubernetesHosting.EnabledSetting, enabled)]);
        }

        builder.UseOrleans(silo => silo.UseEnergyActorsKubernetesHosting(builder.Configuration));

        Assert.Equal(added, builder.Services.Any(d => d.ImplementationType == typeof(KubernetesClusterAgent)));
    }
}
