using System.Text.Json.Nodes;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Http;

/// <summary>
/// The gateway's OpenAPI document describes the contract completely (request schemas, every status, examples) and
/// passes Redocly's recommended ruleset, pinned in tools/openapi (npm ci installs exactly the locked version).
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class OpenApiDocumentTests(RunningSystemFixture fixture)
{
    private static readonly string ToolDirectory = Path.Combine(RepositoryPaths.Root, "tools", "openapi");

    [Fact]
    public async Task Every_operation_is_summarized_with_an_example_and_every_status_it_can_answer()
    {
        var document = JsonNode.Parse(await fixture.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Operation: op.Value!)))
            .ToList();
        Assert.True(operations.Count >= 22, $"only {operations.Count} operations");
        foreach (var (name, operation) in operations)
        {
            var responses = operation["responses"]!.AsObject();
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{name} has no summary");
            Assert.True(responses.ContainsKey("400"), $"{name} does not declare 400");
            Assert.True(responses["503"]?["headers"]?["Retry-After"] is not null, $"{name} does not declare 503 with Retry-After");
            Assert.True(HasExample(operation), $"{name} has no example");
            if (operation["requestBody"] is { } body)
            {
                // JSON, except an uploaded file, taken as it is (application/octet-stream).
                Assert.True((body["content"]?["application/json"] ?? body["content"]?["application/octet-stream"])?["schema"] is not null, $"{name} has no request schema");
                Assert.All(new[] { "413", "415" }, status => Assert.True(responses.ContainsKey(status), $"{name} does not declare {status}"));
            }
        }

        Assert.True(operations.Single(o => o.Name == "POST /v1/sites").Operation["responses"]!.AsObject().ContainsKey("409"));
        foreach (var name in new[] { "GET /v1/sites/{siteId}", "GET /v1/telemetry/meter/{meterId}/status", "GET /v1/analytics/performance/{vehicleId}" })
        {
            Assert.True(operations.Single(o => o.Name == name).Operation["responses"]!.AsObject().ContainsKey("404"), $"{name} does not declare 404");
        }

        var meter = document["components"]!["schemas"]!["MeterTelemetryRequest"]!;
        Assert.Equal("number", (string?)meter["properties"]!["kwhConsumedAc"]!["type"]);
        Assert.DoesNotContain("vehicleId", meter["required"]!.AsArray().Select(r => (string?)r));
        foreach (var schema in new[] { "SiteCreateRequest", "SitePatchRequest", "SiteReplayRequest", "SiteOutageRequest", "SiteTelemetryRequest", "MeterLinkRequest" })
        {
            Assert.NotNull(document["components"]!["schemas"]![schema]);
        }
    }

    [Fact]
    public async Task The_document_passes_redoclys_recommended_rules_security_included()
    {
        var file = Path.Combine(Path.GetTempPath(), $"energyactors-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await fixture.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        try
        {
            await ShellCommand.RunAsync("npm", ["ci", "--prefix", ToolDirectory, "--no-audit", "--no-fund", "--prefer-offline"], TimeSpan.FromMinutes(5));
            var redocly = Path.Combine(ToolDirectory, "node_modules", ".bin", "redocly");
            var output = await ShellCommand.RunAsync(redocly, ["lint", file, "--config", Path.Combine(ToolDirectory, "redocly.yaml"), "--format=stylish"]);
            // Exit code 0 already means no error; warnings (the missing license) are allowed.
            Assert.DoesNotContain(" error ", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static bool HasExample(JsonNode operation) =>
        operation["requestBody"]?["content"]?.AsObject().Any(c => c.Value?["example"] is not null) == true
        || operation["responses"]!.AsObject().Any(r => r.Value?["content"]?.AsObject().Any(c => c.Value?["example"] is not null) == true);
}
