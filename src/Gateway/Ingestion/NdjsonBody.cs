using System.Buffers;
using System.Text.Json;
using EnergyActors.Gateway.Contracts;

namespace EnergyActors.Gateway.Ingestion;

/// <summary>
/// Reads an NDJSON batch line by line from the request's bytes. Each line is its own JSON text, so a line that is not
/// UTF-8, not JSON, or holds a property name that is not text is rejected by its index like any invalid item while the
/// other lines are taken. Decoding the stream as text first would turn invalid bytes into U+FFFD and store them.
/// </summary>
public static class NdjsonBody
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Adds every line to <paramref name="batch"/>; an error only for a body that is not a batch at all.</summary>
    public static async Task<FieldError?> ReadAsync(HttpRequest request, TelemetryBatch batch, int maxItems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(batch);
        var reader = request.BodyReader;
        var first = true;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            FieldError? error = null;
            while (error is null && TryTakeLine(ref buffer, result.IsCompleted, out var line))
            {
                if (first)
                {
                    line = WithoutBom(line);
                    first = false;
                }

                error = Add(line, batch, maxItems);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (error is not null || result.IsCompleted)
            {
                return error;
            }
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, bool isCompleted, out ReadOnlySequence<byte> line)
    {
        if (buffer.PositionOf((byte)'\n') is { } newline)
        {
            line = buffer.Slice(0, newline);
            buffer = buffer.Slice(buffer.GetPosition(1, newline));
            return true;
        }

        if (isCompleted && !buffer.IsEmpty)
        {
            line = buffer;
            buffer = buffer.Slice(buffer.End);
            return true;
        }

        line = default;
        return false;
    }

    private static FieldError? Add(ReadOnlySequence<byte> line, TelemetryBatch batch, int maxItems)
    {
        var bytes = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
        if (bytes.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        if (batch.Count >= maxItems)
        {
            return new FieldError(JsonBody.Field, $"A batch holds at most {maxItems} readings.");
        }

        if (JsonText.InvalidUtf8(bytes, "This line") is { } invalid)
        {
            batch.AddMalformed(invalid);
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line, JsonBody.DocumentOptions);
            batch.Add(document.RootElement);
        }
        catch (JsonException ex)
        {
            batch.AddMalformed(JsonBody.Malformed(ex, "This line"));
        }
        catch (InvalidOperationException) when (JsonText.UnreadableName(bytes) is { } unreadable)
        {
            batch.AddMalformed(unreadable);
        }

        return null;
    }

    private static ReadOnlySequence<byte> WithoutBom(ReadOnlySequence<byte> line)
    {
        if (line.Length < Utf8Bom.Length)
        {
            return line;
        }

        Span<byte> start = stackalloc byte[3];
        line.Slice(0, Utf8Bom.Length).CopyTo(start);
        return start.SequenceEqual(Utf8Bom) ? line.Slice(Utf8Bom.Length) : line;
    }
}
