using System.Buffers;
using System.Text.Json;

namespace EnergyActors.Gateway.Ingestion;

/// <summary>A request body parsed as JSON, and the pooled bytes the document reads from (returned when it is disposed).</summary>
public sealed class JsonBodyDocument(JsonDocument document, byte[] buffer) : IDisposable
{
    private byte[]? _buffer = buffer;

    public JsonElement RootElement => document.RootElement;

    public void Dispose()
    {
        document.Dispose();
        if (Interlocked.Exchange(ref _buffer, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
