using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace EnergyActors.Tests.Hostile;

/// <summary>
/// HTTP/1.1 over a plain socket: the bytes sent are exactly the bytes given (HttpClient would fix paths, validate
/// headers and frame bodies itself), one connection per request, and the answer read until the server closes.
/// </summary>
public static class RawHttp
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>A request with Host, Connection: close, Content-Length for a body, and the given headers.</summary>
    public static byte[] Request(string method, string path, string? contentType = null, byte[]? body = null, params string[] headers)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (contentType is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        }

        if (body is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }

        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body ?? []];
    }

    /// <summary>Headers as given (framing included) followed by <paramref name="rest"/> as it goes on the wire.</summary>
    public static byte[] Framed(string method, string path, string headers, byte[] rest) =>
        [.. Encoding.ASCII.GetBytes($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{headers}\r\n"), .. rest];

    public static async Task<RawResponse> SendAsync(Uri server, byte[] request, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var cancel = new CancellationTokenSource(timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancel.Token);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, cancel.Token);
        }
        catch (IOException)
        {
            // The server may answer and close before taking all of a refused request; its answer is still readable.
        }

        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancel.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // A reset after the answer (the server closing on unread request bytes) loses nothing already read.
        }

        return Parse(received.ToArray());
    }

    private static RawResponse Parse(byte[] bytes)
    {
        var start = 0;
        while (true)
        {
            var end = bytes.AsSpan(start).IndexOf(HeaderEnd);
            if (end < 0)
            {
                return new RawResponse(0, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), string.Empty);
            }

            var lines = Encoding.ASCII.GetString(bytes, start, end).Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
            var bodyStart = start + end + HeaderEnd.Length;
            if (status is >= 100 and < 200)
            {
                start = bodyStart;
                continue;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            var body = bytes.AsSpan(bodyStart);
            var chunked = headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            return new RawResponse(status, headers, Encoding.UTF8.GetString(chunked ? Dechunk(body) : body));
        }
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream();
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n"u8);
            if (lineEnd <= 0)
            {
                return output.ToArray();
            }

            var size = int.Parse(Encoding.ASCII.GetString(body[..lineEnd]).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0 || body.Length < lineEnd + 2 + size)
            {
                return output.ToArray();
            }

            output.Write(body.Slice(lineEnd + 2, size));
            var next = lineEnd + 2 + size + 2;
            if (next > body.Length)
            {
                return output.ToArray();
            }

            body = body[next..];
        }
    }
}
