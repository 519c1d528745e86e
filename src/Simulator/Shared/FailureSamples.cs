using System.Collections.Concurrent;

namespace EnergyActors.Simulator.Shared;

/// <summary>The first few failure descriptions: enough to diagnose, without flooding the output.</summary>
internal sealed class FailureSamples(int capacity = 5)
{
    private const int MaxLength = 500;
    private readonly ConcurrentQueue<string> _samples = new();
    private int _taken;

    public IReadOnlyCollection<string> Items => _samples;

    public void Add(string description)
    {
        if (Interlocked.Increment(ref _taken) <= capacity)
        {
            _samples.Enqueue(description.Length > MaxLength ? string.Concat(description.AsSpan(0, MaxLength), " …") : description);
        }
    }
}
