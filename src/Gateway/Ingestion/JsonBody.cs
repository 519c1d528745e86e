using System.Text.Json;

namespace EnergyActors.Gateway.Ingestion;

/// <summary>Reads a request body as one JSON document, turning malformed JSON into a field error for "body".</summary>
public static class JsonBody
{
    public const string Field = "body";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    public static async Task<(JsonDocument? Document, FieldError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return (await JsonDocument.ParseAsync(request.Body, DocumentOptions, cancellationToken), null);
        }
        catch (JsonException ex)
        {
            return (null, Malformed(ex));
        }
    }

    /// <summary>Like <see cref="ReadAsync"/>, but a body that is valid JSON yet not an object is an error too.</summary>
    public static async Task<(JsonDocument? Document, FieldError? Error)> ReadObjectAsync(HttpRequest request, string example, CancellationToken cancellationToken)
    {
        var (document, error) = await ReadAsync(request, cancellationToken);
        if (document is not null && document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, new FieldError(Field, $"The body must be a JSON object: {example}."));
        }

        return (document, error);
    }

    public static FieldError Malformed(JsonException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : string.Empty;
        return new FieldError(Field, $"The body is not valid JSON{where}.");
    }
}
