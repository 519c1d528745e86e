namespace EnergyActors.Tests.Infrastructure;

/// <summary>Test classes sharing one two-silo TestingHost cluster.</summary>
[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
