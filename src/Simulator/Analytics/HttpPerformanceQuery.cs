namespace EnergyActors.Simulator.Analytics;

/// <summary><c>GET /v1/analytics/performance/{id}</c>, body read to the end: the latency a dashboard sees.</summary>
internal sealed class HttpPerformanceQuery(HttpClient http) : IPerformanceQuery
{
    public string Kind => "http";

    public async Task<QueryOutcome> RunAsync(string vehicleId, CancellationToken cancellation)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"/v1/analytics/performance/{Uri.EscapeDataString(vehicleId)}", UriKind.Relative), cancellation);
            await response.Content.ReadAsByteArrayAsync(cancellation);
            return new QueryOutcome((int)response.StatusCode, null);
        }
        catch (HttpRequestException ex)
        {
            return QueryOutcome.Failed(ex.Message);
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return QueryOutcome.Failed("no answer in time");
        }
    }
}
