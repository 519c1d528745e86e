using System.Collections.Concurrent;
using System.Globalization;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Analytics;

/// <summary>Running totals of the measured queries, updated by every worker and read by the progress display.</summary>
internal sealed class AnalyticsCounters
{
    private readonly ConcurrentDictionary<int, long> _statuses = new();
    private long _completed;
    private long _ok;
    private long _errors;

    public long Completed => Interlocked.Read(ref _completed);

    public long Ok => Interlocked.Read(ref _ok);

    /// <summary>Answers with a status other than 200 (404: a vehicle never seen, 503: back-pressure …).</summary>
    public long NotOk => Completed - Ok - Errors;

    /// <summary>Queries without an answer: connection errors, timeouts, SQL errors.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public FailureSamples Samples { get; } = new();

    public IReadOnlyDictionary<string, long> Statuses =>
        _statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(CultureInfo.InvariantCulture), s => s.Value, StringComparer.Ordinal);

    public void Record(QueryOutcome outcome, string vehicleId)
    {
        if (outcome.Status is { } status)
        {
            _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status == 200)
            {
                Interlocked.Increment(ref _ok);
            }
            else
            {
                Samples.Add($"{vehicleId}: {status}");
            }
        }
        else
        {
            Interlocked.Increment(ref _errors);
            Samples.Add($"{vehicleId}: {outcome.Error}");
        }

        Interlocked.Increment(ref _completed);
    }
}

/// <summary>Hands out a phase's queries to the workers: each claim is one query, until the phase's count is reached.</summary>
internal sealed class QueryQuota(long count)
{
    private long _claimed;

    public bool TryClaim() => Interlocked.Increment(ref _claimed) <= count;
}

/// <summary>The vehicles in turn, shared by all workers and by both phases, so the measured phase continues where the warm-up stopped.</summary>
internal sealed class RoundRobin(IReadOnlyList<string> ids)
{
    private long _turn = -1;

    public string Next() => ids[(int)(Interlocked.Increment(ref _turn) % ids.Count)];
}
