using System.Net;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>GETs for verification: a 503 is waited out (Retry-After) a few times, since the check is about data, not availability.</summary>
internal sealed class ApiReader(HttpClient http)
{
    private const int Attempts = 5;

    /// <returns>The final status and body, or null status with the transport error's message.</returns>
    public async Task<(HttpStatusCode? Status, byte[] Body, string? Error)> GetAsync(string path, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellation);
                var body = await response.Content.ReadAsByteArrayAsync(cancellation);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == Attempts)
                {
                    return (response.StatusCode, body, null);
                }

                await Task.Delay(RetryAfter.Delay(response), cancellation);
            }
            catch (HttpRequestException ex)
            {
                return (null, [], ex.Message);
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return (null, [], "no answer in time");
            }
        }
    }
}
