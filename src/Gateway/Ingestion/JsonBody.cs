using System.Buffers;
using System.Text.Json;
using EnergyActors.Gateway.Contracts;

namespace EnergyActors.Gateway.Ingestion;

/// <summary>Reads a request body as one JSON document, turning malformed JSON into a field error for "body".</summary>
public static class JsonBody
{
    public const string Field = "body";

    private const int MaxReasonLength = 160;
    private const int MaxInitialBufferBytes = 1024 * 1024;

    /// <summary>
    /// Depth bounds the work of hostile nesting; duplicate properties are refused because two readers of the same body
    /// (a proxy, a log, this parser) could each take a different one of them.
    /// </summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    public static async Task<(JsonBodyDocument? Document, FieldError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (buffer, length) = await ReadToEndAsync(request, cancellationToken);
        var json = buffer.AsMemory(0, length);
        // RFC 8259 lets a parser ignore a UTF-8 byte order mark; JsonDocument.Parse would refuse it.
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        var error = JsonText.InvalidUtf8(json.Span, "The body");
        if (error is null)
        {
            try
            {
                return (new JsonBodyDocument(JsonDocument.Parse(json, DocumentOptions), buffer), null);
            }
            catch (JsonException ex)
            {
                error = Malformed(ex);
            }
            catch (InvalidOperationException) when (JsonText.UnreadableName(json.Span) is { } unreadable)
            {
                error = unreadable;
            }
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return (null, error);
    }

    /// <summary>Like <see cref="ReadAsync"/>, but a body that is valid JSON yet not an object is an error too.</summary>
    public static async Task<(JsonBodyDocument? Document, FieldError? Error)> ReadObjectAsync(HttpRequest request, string example, CancellationToken cancellationToken)
    {
        var (document, error) = await ReadAsync(request, cancellationToken);
        if (document is not null && document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, new FieldError(Field, $"The body must be a JSON object: {example}."));
        }

        return (document, error);
    }

    /// <summary>The error for JSON the parser refused, with where and why (cut short: it may quote a property name).</summary>
    public static FieldError Malformed(JsonException ex, string subject = "The body")
    {
        ArgumentNullException.ThrowIfNull(ex);
        var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : string.Empty;
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        }

        reason = (cut < 0 ? reason : reason[..cut]).TrimEnd(' ', '|', '.');
        if (reason.Length > MaxReasonLength)
        {
            reason = reason[..MaxReasonLength] + "…";
        }

        return new FieldError(Field, $"{subject} is not valid JSON{where}: {reason}.");
    }

    /// <summary>The whole body in one pooled buffer (Kestrel stops it at the configured size with a 413).</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadToEndAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? 4096, 1, MaxInitialBufferBytes));
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return (buffer, length);
            }

            length += read;
        }
    }
}
