using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EnergyActors.Tests.Access;

/// <summary>
/// Every operation the served OpenAPI document lists refuses a request without a key (401, the Bearer challenge, problem
/// details) and declares that it needs one: an endpoint added later without a policy cannot ship open. Only the
/// documents and the operations endpoints answer without a key.
/// </summary>
[Collection(SecureSystemCollection.Name)]
public sealed partial class EveryOperationNeedsAKeyTests(SecureSystemFixture fixture)
{
    [Fact]
    public async Task Every_operation_of_the_document_answers_401_with_the_Bearer_challenge_without_a_key()
    {
        var document = JsonNode.Parse(await fixture.System.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]);
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Method: op.Key.ToUpperInvariant(), Path: path.Key, Operation: op.Value!)))
            .ToList();
        Assert.True(operations.Count >= 29, $"only {operations.Count} operations");

        var open = new List<string>();
        foreach (var (method, path, operation) in operations)
        {
            var name = $"{method} {path}";
            Assert.Contains(operation["security"]!.AsArray(), requirement => requirement!.AsObject().ContainsKey("Bearer"));
            Assert.True(operation["responses"]!.AsObject().ContainsKey("401"), $"{name} does not declare 401");

            // Path ids filled with valid ids, and a body the endpoint would take if it were open, so a 401 is the key's doing.
            var concrete = PathParameter().Replace(path, "key-test-1");
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(concrete, UriKind.Relative));
            if (operation["requestBody"]?["content"]?.AsObject() is { } content)
            {
                // In the media type the operation declares: another is refused (415) before any key is looked at.
                request.Content = content.ContainsKey("application/json") ? Http.Json.Body("{}") : new ByteArrayContent("{}"u8.ToArray());
                request.Content.Headers.ContentType ??= new System.Net.Http.Headers.MediaTypeHeaderValue(content.First().Key);
            }

            using var response = await fixture.System.Http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized
                || response.Headers.WwwAuthenticate.All(h => h.Scheme != "Bearer")
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                open.Add($"{name}: {(int)response.StatusCode} {string.Join(", ", response.Headers.WwwAuthenticate)} {response.Content.Headers.ContentType}");
            }
        }

        Assert.True(open.Count == 0, "Answered without a key:\n" + string.Join('\n', open));
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/metrics")]
    public async Task The_documents_and_the_operations_endpoints_answer_without_a_key(string path)
    {
        using var response = await fixture.System.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_path_without_a_key_is_401_and_with_one_is_404()
    {
        using var anonymous = await fixture.SendAsync(HttpMethod.Get, "/v1/nothing-here", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var admitted = await fixture.SendAsync(HttpMethod.Get, "/v1/nothing-here", fixture.AdminKey);
        Assert.Equal(HttpStatusCode.NotFound, admitted.StatusCode);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();
}
