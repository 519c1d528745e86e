using System.Collections.Concurrent;
using EnergyActors.Gateway.Resilience;
using EnergyActors.Grains.Abstractions.Access;
using Microsoft.Extensions.Options;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// What this gateway last read about each key it was shown, for at most <see cref="AccessOptions.KeyCacheSeconds"/>:
/// a request with a warm key costs a dictionary look-up instead of a grain call, and a revocation reaches this
/// gateway within that time. Concurrent requests for a key whose entry is missing or stale share one look-up.
/// </summary>
public sealed class ApiKeyCache
{
    /// <summary>Past this many entries (keys presented within a few seconds, mostly unknown ones from a scan), stale ones are dropped.</summary>
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly Func<string, Task<ApiKeyCredential?>> _read;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    /// <summary>A look-up lost with a stopping silo is sent again rather than holding every request with that key.</summary>
    public ApiKeyCache(IGrainFactory grains, SiloLossRetry retry, TimeProvider time, IOptions<AccessOptions> options)
        : this(keyId => retry.RunAsync(() => grains.GetGrain<IApiKeyGrain>(keyId).GetCredential(), CancellationToken.None), time, options)
    {
    }

    /// <summary>Reads credentials through <paramref name="read"/> (the unit tests' stand-in for the key grains).</summary>
    internal ApiKeyCache(Func<string, Task<ApiKeyCredential?>> read, TimeProvider time, IOptions<AccessOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _read = read;
        _time = time;
        _lifetime = TimeSpan.FromSeconds(options.Value.KeyCacheSeconds);
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The key's credential as stored at most the cache's lifetime ago; null for a key id never issued.</summary>
    public ValueTask<ApiKeyCredential?> GetAsync(ReadOnlySpan<char> keyId)
    {
        var now = _time.GetTimestamp();
        if (_bySpan.TryGetValue(keyId, out var entry) && IsFresh(entry, now))
        {
            return entry.Lookup.IsCompletedSuccessfully ? new(entry.Lookup.Result) : new(entry.Lookup);
        }

        return new(Refresh(keyId.ToString(), now));
    }

    private Task<ApiKeyCredential?> Refresh(string keyId, long now)
    {
        if (_entries.Count >= MaxEntries)
        {
            DropStale(now);
        }

        var fresh = new Entry(_read(keyId), now);
        // A failed look-up (the cluster unreachable) answers only the requests that shared it (503): it is never fresh.
        return _entries.AddOrUpdate(keyId, fresh, (_, current) => IsFresh(current, now) ? current : fresh).Lookup;
    }

    private bool IsFresh(Entry entry, long now) =>
        _time.GetElapsedTime(entry.ReadAt, now) < _lifetime && !entry.Lookup.IsFaulted && !entry.Lookup.IsCanceled;

    private void DropStale(long now)
    {
        foreach (var (keyId, entry) in _entries)
        {
            if (!IsFresh(entry, now))
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(keyId, entry));
            }
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(Task<ApiKeyCredential?> Lookup, long ReadAt);
}
