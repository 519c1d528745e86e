namespace EnergyActors.Simulator.Shared;

/// <summary>How long to wait after a 503 before asking again, and a pause that a stop can cut short.</summary>
internal static class RetryAfter
{
    private static readonly TimeSpan MaxJitter = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(1);

    /// <summary>The answer's Retry-After (a delay or a date; 1 s when absent) plus up to 250 ms of jitter.</summary>
    public static TimeSpan Delay(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => Fallback,
        };

        // Jitter keeps the refused clients from coming back in lockstep.
        var jitter = MaxJitter * Random.Shared.NextDouble();
        return (retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter) + jitter;
    }

    /// <returns>False when <paramref name="stop"/> came first.</returns>
    public static async Task<bool> PauseAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
