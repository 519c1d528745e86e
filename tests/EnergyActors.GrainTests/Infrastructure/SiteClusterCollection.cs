namespace EnergyActors.Tests.Infrastructure;

/// <summary>Site grain tests sharing one two-silo cluster on a fake clock.</summary>
[CollectionDefinition(Name)]
public sealed class SiteClusterCollection : ICollectionFixture<SiteClusterFixture>
{
    public const string Name = "site cluster";
}
