using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyActors.Simulator.Shared;
using EnergyActors.Simulator.Sites;
using Spectre.Console;

namespace EnergyActors.Simulator.Commands;

/// <summary>
/// <c>sites</c>: creates the demo sites one after the other (a handful of requests; order keeps the output
/// readable). A 409 means the site is already there, which is what a re-run wants; a 503 is retried after
/// Retry-After. It passes when every site was created or already there.
/// </summary>
internal sealed class SitesCommand : SimulatorCommand
{
    // Ids are demo-site-0001 … demo-site-9999.
    private const int MaxSites = 9999;
    private const int Attempts = 5;
    private static readonly Uri SitesPath = new("/v1/sites", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly Option<Uri> _gateway = CliOptions.Gateway();
    private readonly Option<int> _count = new("--count") { Description = "Demo sites to create: demo-site-0001 …, cycling residential, commercial, industrial.", HelpName = "n", DefaultValueFactory = _ => 3 };
    private readonly Option<long> _seed = CliOptions.Seed("Seed the sites' simulation seeds derive from: the same seed recreates the same sites.");
    private readonly Option<int> _interval = new("--interval-minutes") { Description = "Minutes between a site's readings.", HelpName = "minutes", DefaultValueFactory = _ => 5 };

    public SitesCommand()
        : base("sites", "Create demo BMS sites (battery + solar) through POST /v1/sites; existing ones are left as they are.")
    {
        CliOptions.Range(_count, 1, MaxSites);
        CliOptions.Range(_interval, 1, 60);
        AddOptions(_gateway, Key, _count, _seed, _interval);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation)
    {
        var gateway = parse.GetRequiredValue(_gateway);
        var (count, seed, intervalMinutes) = (parse.GetValue(_count), parse.GetValue(_seed), parse.GetValue(_interval));
        using var http = await ConnectAsync(parse, gateway, concurrency: 1, cancellation);
        if (http is null)
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

        var failed = outcomes.Count(o => o.Result == SiteOutcome.Failed);
        var skipped = count - outcomes.Count;
        var passed = failed == 0 && skipped == 0;
        Summarise(Report(outcomes), [], passed, () => Terminal.Out.MarkupLine(
            $"created {Figures.Count(outcomes.Count(o => o.Result == SiteOutcome.Created))}   " +
            $"existing {Figures.Count(outcomes.Count(o => o.Result == SiteOutcome.Existing))}   failed {Figures.Alarm(failed)}" +
            (skipped > 0 ? $"   not attempted {Figures.Count(skipped)}{(cancellation.IsCancellationRequested ? " (Ctrl+C)" : string.Empty)}" : string.Empty)));
        return passed ? 0 : 1;
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

    /// <summary>Each site with its type, place and outcome.</summary>
    private static Table Report(IReadOnlyList<SiteOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("sites");
        table.AddColumn("site");
        table.AddColumn("type");
        table.AddColumn("time zone");
        table.AddColumn(new TableColumn("battery kWh / kW").RightAligned());
        table.AddColumn(new TableColumn("PV kW").RightAligned());
        table.AddColumn("result");
        foreach (var outcome in outcomes)
        {
            var site = outcome.Site;
            var result = outcome.Result switch
            {
                SiteOutcome.Created => "[green]created[/]",
                SiteOutcome.Existing => "existing",
                _ => $"[red]failed[/] {Markup.Escape(outcome.Detail ?? string.Empty)}",
            };
            table.AddRow(
                Markup.Escape(site.SiteId), site.Type, Markup.Escape(site.TimeZone),
                string.Create(CultureInfo.InvariantCulture, $"{site.BatteryCapacityKwh:0.#} / {site.BatteryMaxPowerKw:0.#}"),
                site.SolarCapacityKw.ToString("0.#", CultureInfo.InvariantCulture), result);
        }

        return table;
    }
}

/// <summary>What became of one site: created, already there (409), or failed with a reason.</summary>
internal sealed record SiteOutcome(SiteRequest Site, string Result, string? Detail)
{
    public const string Created = "created";
    public const string Existing = "existing";
    public const string Failed = "failed";
}

/// <summary>The site bodies in camelCase, as the contract spells them.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SiteRequest))]
internal sealed partial class SitesJsonContext : JsonSerializerContext;
