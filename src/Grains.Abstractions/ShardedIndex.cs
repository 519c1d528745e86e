namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// Ids spread over a fixed number of integer-keyed shard grains (keys 0..<see cref="Shards"/>-1), and a query asked
/// of every shard at once. Where an id lands is stored (fleet entries by shard, each registry shard's id set), so
/// neither the shard count of an index nor the hash may ever change.
/// </summary>
public sealed class ShardedIndex<TShard>(int shards)
    where TShard : IGrainWithIntegerKey
{
    public int Shards => shards;

    /// <summary>FNV-1a over the id's UTF-16 code units: stable across processes, as string.GetHashCode is not.</summary>
    public int ShardOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }

    public TShard ShardFor(IGrainFactory grains, string id)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<TShard>(ShardOf(id));
    }

    /// <summary>Asks every shard at once; the answers come in shard order.</summary>
    public Task<T[]> QueryAll<T>(IGrainFactory grains, Func<TShard, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(query);
        var answers = new Task<T>[shards];
        for (var shard = 0; shard < shards; shard++)
        {
            answers[shard] = query(grains.GetGrain<TShard>(shard));
        }

        return Task.WhenAll(answers);
    }
}
