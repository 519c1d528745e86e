namespace EnergyActors.Tests.Infrastructure;

/// <summary>HTTP test classes sharing one running silo + gateway.</summary>
[CollectionDefinition(Name)]
public sealed class RunningSystemCollection : ICollectionFixture<RunningSystemFixture>
{
    public const string Name = "running system";
}
