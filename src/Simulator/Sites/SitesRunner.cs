using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Sites;

/// <summary>
/// Creates the demo sites one after the other (a handful of requests; order keeps the output readable).
/// A 409 means the site is already there, which is what a re-run wants; a 503 is retried after Retry-After.
/// </summary>
internal static class SitesRunner
{
    private const int Attempts = 5;
    private static readonly Uri SitesPath = new("/v1/sites", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<int> RunAsync(Uri gateway, int count, long seed, int intervalMinutes, CancellationToken cancellation)
    {
        using var http = GatewayHttp.Create(gateway, concurrency: 1);
        if (!await GatewayProbe.AnswersAsync(http, gateway, cancellation))
        {
            return 1;
        }

        StatusMessages.Note($"Creating {count} demo sites at {gateway} (interval {intervalMinutes} min, seed {seed}).");
        var outcomes = new List<SiteOutcome>(count);
        for (var number = 1; number <= count && !cancellation.IsCancellationRequested; number++)
        {
            var outcome = await CreateAsync(http, SiteCatalog.Site(number, seed, intervalMinutes), cancellation);
            outcomes.Add(outcome);
            if (outcome.Result == SiteOutcome.Failed && outcome.Detail is { } detail && detail.StartsWith("no sites endpoint", StringComparison.Ordinal))
            {
                // Every other site would fail the same way.
                break;
            }
        }

        SitesReport.Render(outcomes, count, cancellation.IsCancellationRequested);
        return outcomes.Count == count && outcomes.All(o => o.Result != SiteOutcome.Failed) ? 0 : 1;
    }

    private static async Task<SiteOutcome> CreateAsync(HttpClient http, SiteRequest site, CancellationToken cancellation)
    {
        // Serialized up front: a body with a Content-Length, sent the same on every attempt.
        var body = JsonSerializer.SerializeToUtf8Bytes(site, SitesJsonContext.Default.SiteRequest);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
                using var response = await http.PostAsync(SitesPath, content, cancellation);
                var answer = await response.Content.ReadAsStringAsync(cancellation);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Created or HttpStatusCode.OK:
                        return new SiteOutcome(site, SiteOutcome.Created, null);
                    case HttpStatusCode.Conflict:
                        return new SiteOutcome(site, SiteOutcome.Existing, null);
                    case HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed:
                        return new SiteOutcome(site, SiteOutcome.Failed, $"no sites endpoint on this gateway: POST /v1/sites answered {(int)response.StatusCode}");
                    case HttpStatusCode.ServiceUnavailable when attempt < Attempts:
                        await Task.Delay(RetryAfter.Delay(response), cancellation);
                        continue;
                    default:
                        return new SiteOutcome(site, SiteOutcome.Failed, $"{(int)response.StatusCode} {Shorten(answer)}");
                }
            }
            catch (HttpRequestException ex)
            {
                return new SiteOutcome(site, SiteOutcome.Failed, ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return new SiteOutcome(site, SiteOutcome.Failed, "cancelled");
            }
            catch (TaskCanceledException)
            {
                return new SiteOutcome(site, SiteOutcome.Failed, $"no answer within {GatewayHttp.RequestTimeout.TotalSeconds:0} s");
            }
        }
    }

    private static string Shorten(string body)
    {
        var text = body.ReplaceLineEndings(" ");
        return text.Length > 300 ? new StringBuilder(text, 0, 300, 302).Append(" …").ToString() : text;
    }
}
