namespace EnergyActors.Simulator.Shared;

/// <summary>Asks /health/ready before a run, so an unreachable gateway fails in seconds with one clear message.</summary>
internal static class GatewayProbe
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <returns>False when the gateway cannot be reached at all; a not-ready answer is only a warning.</returns>
    public static async Task<bool> AnswersAsync(HttpClient http, Uri gateway, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        probe.CancelAfter(ProbeTimeout);
        try
        {
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), probe.Token);
            if (!response.IsSuccessStatusCode)
            {
                StatusMessages.Warn($"{gateway} answered {(int)response.StatusCode} to /health/ready: expect 503s until the cluster and PostgreSQL are up.");
            }

            return true;
        }
        catch (HttpRequestException ex)
        {
            StatusMessages.Error($"Cannot reach the gateway at {gateway}: {ex.Message}");
            return false;
        }
        catch (OperationCanceledException)
        {
            StatusMessages.Error(cancellation.IsCancellationRequested ? "Cancelled." : $"The gateway at {gateway} did not answer within {ProbeTimeout.TotalSeconds:0} s.");
            return false;
        }
    }
}
