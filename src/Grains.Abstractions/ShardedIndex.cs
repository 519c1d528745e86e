namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// Ids of one fleet spread over a fixed number of shard grains (keys 0..<see cref="Shards"/>-1, extended by the fleet
/// id: each fleet has its own shards), and a query asked of every shard of a fleet at once. Where an id lands is stored
/// (fleet entries by shard, each registry shard's id set), so neither the shard count of an index nor the hash may ever change.
/// </summary>
public sealed class ShardedIndex<TShard>(int shards)
    where TShard : IGrainWithIntegerCompoundKey
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

    public TShard ShardFor(IGrainFactory grains, string fleetId, string id)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<TShard>(ShardOf(id), fleetId, null);
    }

    /// <summary>Asks every shard of the fleet at once; the answers come in shard order.</summary>
    public Task<T[]> QueryAll<T>(IGrainFactory grains, string fleetId, Func<TShard, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(query);
        var answers = new Task<T>[shards];
        for (var shard = 0; shard < shards; shard++)
        {
            answers[shard] = query(grains.GetGrain<TShard>(shard, fleetId, null));
        }

        return Task.WhenAll(answers);
    }
}
