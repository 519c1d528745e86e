namespace EnergyActors.Silo.Webhooks;

/// <summary>When to try a failed delivery again: doubling from the first wait up to the longest, each with jitter, so receivers coming back are not hit by every silo at once.</summary>
public static class WebhookBackoff
{
    /// <param name="attempts">Attempts made so far (1 after the first failure).</param>
    /// <param name="options">The first and the longest wait.</param>
    /// <param name="jitter">A number in [0, 1): the wait is between half and all of the doubled one.</param>
    public static TimeSpan After(int attempts, WebhookOptions options, double jitter)
    {
        ArgumentNullException.ThrowIfNull(options);
        var doubled = options.FirstRetrySeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var capped = Math.Min(doubled, options.MaxRetrySeconds);
        return TimeSpan.FromSeconds(capped * (0.5 + (0.5 * jitter)));
    }
}
