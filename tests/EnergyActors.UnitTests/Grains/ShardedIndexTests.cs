using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Tests.Grains;

/// <summary>Fleet entries and registry shards are stored by shard: every id must land where it always did.</summary>
public sealed class ShardedIndexTests
{
    [Fact]
    public void Ids_land_on_the_shards_they_were_stored_on()
    {
        var random = new Random(17);
        var ids = Enumerable.Range(0, 2_000)
            .Select(i => i % 3 == 0 ? $"V-{i}" : new string([.. Enumerable.Range(0, random.Next(1, 65)).Select(_ => (char)random.Next(33, 0x3000))]))
            .Append("EV-00042")
            .Append("site-berlin-1");
        foreach (var id in ids)
        {
            Assert.Equal((int)(Fnv1a(id) % 16), IFleetIndexGrain.Index.ShardOf(id));
            Assert.Equal((int)(Fnv1a(id) % 16 % 8), ISiteRegistryGrain.Index.ShardOf(id));
        }

        Assert.Equal(16, IFleetIndexGrain.Index.Shards);
        Assert.Equal(8, ISiteRegistryGrain.Index.Shards);
    }

    // The hash the shards were first assigned with, written out independently.
    private static uint Fnv1a(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
