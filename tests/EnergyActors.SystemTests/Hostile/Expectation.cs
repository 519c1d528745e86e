using System.Text.Json.Nodes;

namespace EnergyActors.Tests.Hostile;

/// <summary>
/// What a hostile request must be answered: a problem (status, and the field in <c>errors</c> or words in its title or
/// detail), a batch that takes nothing and names the item (a batch's items are judged one by one: 200), or Kestrel's
/// own bare 4xx for requests it refuses before the application sees them (no problem details are possible there).
/// </summary>
public sealed record Expectation(int Status, string? Field = null, string? Mention = null, bool BatchItem = false, bool Bare = false)
{
    public static Expectation Invalid(string field) => new(400, Field: field);

    public static Expectation Problem(int status, string mention) => new(status, Mention: mention);

    /// <summary>A batch whose only item (or, for bodies split into several lines, every line) is rejected, naming <paramref name="field"/>.</summary>
    public static Expectation Rejected(string field) => new(200, Field: field, BatchItem: true);

    public static Expectation KestrelRefusal { get; } = new(400, Bare: true);

    /// <summary>Why <paramref name="response"/> breaks this expectation; null when it meets it.</summary>
    public string? Failure(RawResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status is 0 or >= 500 || response.Status != Status)
        {
            return $"expected {Status}, got {(response.Status == 0 ? "no answer" : response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {Cut(response.Body)}";
        }

        if (Bare)
        {
            return null;
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(response.Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return $"not JSON: {Cut(response.Body)}";
        }

        return BatchItem ? BatchFailure(body) : ProblemFailure(response, body);
    }

    private string? ProblemFailure(RawResponse response, JsonNode? body)
    {
        if (response.Header("Content-Type")?.StartsWith("application/problem+json", StringComparison.Ordinal) != true)
        {
            return $"not problem details ({response.Header("Content-Type")}): {Cut(response.Body)}";
        }

        if ((int?)body?["status"] != Status)
        {
            return $"problem status is not {Status}: {Cut(response.Body)}";
        }

        if (Field is not null && body?["errors"]?[Field] is null)
        {
            return $"errors do not name '{Field}': {Cut(response.Body)}";
        }

        var text = $"{body?["title"]} {body?["detail"]}";
        return Mention is not null && !text.Contains(Mention, StringComparison.OrdinalIgnoreCase)
            ? $"title/detail do not mention '{Mention}': {Cut(response.Body)}"
            : null;
    }

    private string? BatchFailure(JsonNode? body)
    {
        var errors = body?["errors"]?.AsArray();
        if ((int?)body?["accepted"] != 0 || (int?)body?["duplicates"] != 0 || (int?)body?["rejected"] is not > 0 || errors is null || errors.Count == 0)
        {
            return $"batch should take nothing and reject the item: {Cut(body?.ToJsonString() ?? string.Empty)}";
        }

        return errors.Any(e => (string?)e?["field"] == Field) && (int?)errors[0]?["index"] == 0
            ? null
            : $"batch errors should name item 0 and '{Field}': {Cut(body!.ToJsonString())}";
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
