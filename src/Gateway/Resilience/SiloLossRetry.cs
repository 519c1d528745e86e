using System.Diagnostics;
using Orleans.Runtime.Messaging;

namespace EnergyActors.Gateway.Resilience;

/// <summary>
/// Repeats a grain call that is safe to repeat when it failed only because the silo it reached went away: stopped for
/// an upgrade, crashed, or cut off while the call was in flight. Readings are keyed by device and timestamp, so a
/// second delivery of one that did commit is a duplicate, and a read changes nothing; the next attempt finds the grain
/// on a silo that is still there. The client never sees the loss unless the cluster stays unreachable until the
/// request's deadline: then the last failure goes out (503 with Retry-After). Each attempt is a new grain call, so a
/// call the <see cref="GatewayLossGuard"/> gave up on never shares anything with its retry.
/// Calls that are not safe to repeat (creating a site, issuing a key) are not routed through here.
/// </summary>
public sealed partial class SiloLossRetry(TimeSpan deadline, GatewayMetrics metrics, ILogger<SiloLossRetry> logger)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    // Time for one more attempt to be worth sending: a grain activated afresh on a live silo answers in milliseconds.
    private static readonly TimeSpan ShortestUsefulAttempt = TimeSpan.FromMilliseconds(250);

    // A healthy grain call answers in well under a second; one silent for this long is far likelier lost than slow,
    // and sending it again is harmless (a slow one then commits once and answers twice).
    private static readonly TimeSpan LongestAttempt = TimeSpan.FromSeconds(5);

    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var started = Stopwatch.GetTimestamp();
        var attemptTimeout = TimeSpan.FromTicks(Math.Min(deadline.Ticks / 3, LongestAttempt.Ticks));
        for (var attempt = 1; ; attempt++)
        {
            var remaining = deadline - Stopwatch.GetElapsedTime(started);
            // The last attempt gets whatever is left; earlier ones are cut short, to be sent again.
            var budget = remaining > attemptTimeout + LongestPause ? attemptTimeout : remaining;
            var pending = call();
            try
            {
                return await pending.WaitAsync(budget > TimeSpan.Zero ? budget : TimeSpan.Zero, cancellationToken);
            }
            catch (TimeoutException) when (!pending.IsCompleted)
            {
                // No answer and no failure: a call lost with a silo that stopped mid-call. It may still end (at its own
                // response timeout); whatever it did, a repeat is harmless.
                Observe(pending);
                if (budget == remaining)
                {
                    throw new SiloUnavailableException($"The cluster did not answer within {deadline.TotalSeconds:0.#} s ({attempt} attempt(s)).");
                }

                metrics.SiloLossRetried();
                LogRetrying(attempt, "no answer", 0);
            }
            catch (Exception ex) when (IsSiloLoss(ex) && Pause(attempt, started) is { } pause)
            {
                metrics.SiloLossRetried();
                LogRetrying(attempt, ex.GetType().Name, pause.TotalMilliseconds);
                await Task.Delay(pause, cancellationToken);
            }
        }
    }

    /// <summary>Failures that say where the call went is gone or going, not what the grain decided.</summary>
    public static bool IsSiloLoss(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException;

    /// <summary>
    /// Doubling pauses give membership and the client's gateway list (refreshed every second) time to catch up; none
    /// when what is left of the deadline would not cover the pause and a useful attempt after it. A silo cut off
    /// without a goodbye fails its calls only once it is declared dead, which can be late in the deadline.
    /// </summary>
    private TimeSpan? Pause(int attempt, long started)
    {
        var pause = TimeSpan.FromTicks(Math.Min(FirstPause.Ticks << Math.Min(attempt - 1, 10), LongestPause.Ticks));
        var left = deadline - Stopwatch.GetElapsedTime(started);
        return left > pause + ShortestUsefulAttempt ? pause : null;
    }

    private static void Observe(Task pending) =>
        _ = pending.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Silo lost under a grain call (attempt {Attempt}, {Failure}); retrying in {PauseMilliseconds} ms")]
    private partial void LogRetrying(int attempt, string failure, double pauseMilliseconds);
}
