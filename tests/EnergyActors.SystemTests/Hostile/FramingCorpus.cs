using System.Text;

namespace EnergyActors.Tests.Hostile;

/// <summary>
/// How a request is framed rather than what it says: content types a browser sends cross-site without a preflight
/// (and other wrong ones), chunked bodies that lie about their sizes, bodies cut short, bodies too large, methods an
/// endpoint does not have, and requests Kestrel itself refuses before the gateway sees them.
/// </summary>
public static class FramingCorpus
{
    private static readonly (string Name, string? ContentType, byte[]? Body, string[] Headers)[] ContentTypes =
    [
        ("no Content-Type", null, null, []),
        ("empty Content-Type", "", null, []),
        ("text/plain", "text/plain", null, []),
        ("text/plain; charset=UTF-8", "text/plain; charset=UTF-8", null, []),
        ("a form", "application/x-www-form-urlencoded", "meterId=M-1&kwhConsumedAc=1"u8.ToArray(), []),
        ("multipart", "multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n{}\r\n--XyZ--\r\n"u8.ToArray(), []),
        ("application/xml", "application/xml", "<reading><meterId>M-1</meterId></reading>"u8.ToArray(), []),
        ("application/problem+json", "application/problem+json", null, []),
        ("application/json; charset=utf-16", "application/json; charset=utf-16", null, []),
        ("application/json; charset=iso-8859-1", "application/json; charset=iso-8859-1", null, []),
        ("*/*", "*/*", null, []),
        ("application/*", "application/*", null, []),
        ("two media types", "application/json, text/plain", null, []),
        ("application/jsonx", "application/jsonx", null, []),
        ("gzip Content-Encoding", "application/json", null, ["Content-Encoding: gzip"]),
    ];

    private static readonly (string Name, string Prefix, string Suffix)[] BadChunks =
    [
        ("chunk size that overflows", "FFFFFFFFFFFFFFFFFFFF\r\n", "\r\n0\r\n\r\n"),
        ("chunk size that is not hex", "zz\r\n", "\r\n0\r\n\r\n"),
        ("negative chunk size", "-5\r\n", "\r\n0\r\n\r\n"),
        ("chunk longer than its size", "2\r\n", "\r\n0\r\n\r\n"),
    ];

    private static readonly (string Path, string[] Methods)[] MethodsNotMapped =
    [
        ("/v1/telemetry/meter", ["GET", "PUT", "DELETE", "PATCH", "FOO"]), ("/v1/telemetry/vehicle", ["GET", "DELETE"]), ("/v1/telemetry/site", ["GET", "PUT"]),
        ("/v1/telemetry/batch", ["GET", "PUT", "DELETE"]), ("/v1/telemetry/meter/{w}/status", ["POST", "PUT", "DELETE", "PATCH"]),
        ("/v1/telemetry/vehicle/{w}/status", ["POST", "DELETE"]), ("/v1/analytics/performance/{w}", ["POST", "PUT", "DELETE"]),
        ("/v1/analytics/fleet", ["POST", "DELETE"]), ("/v1/alerts", ["POST", "PUT", "DELETE", "PATCH"]), ("/v1/sites", ["PUT", "DELETE", "PATCH"]),
        ("/v1/sites/{site}", ["POST", "PUT"]), ("/v1/sites/{site}/status", ["POST", "DELETE"]), ("/v1/sites/{site}/history", ["POST", "DELETE"]),
        ("/v1/sites/{site}/replay", ["PUT", "DELETE", "PATCH"]), ("/v1/sites/{site}/events/outage", ["GET", "PUT", "DELETE"]),
        ("/v1/vehicles/{w}/meter", ["POST", "PATCH"]), ("/health/live", ["POST", "PUT", "DELETE"]), ("/health/ready", ["POST", "DELETE", "PATCH"]),
        ("/metrics", ["POST", "PUT", "DELETE", "PATCH"]),
    ];

    public static void AddTo(HostileCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        foreach (var endpoint in corpus.Endpoints.Where(e => e.Name is not ("batch site" or "ndjson vehicle")))
        {
            foreach (var (name, contentType, body, headers) in ContentTypes)
            {
                var w = corpus.NextWitness();
                var request = RawHttp.Request(endpoint.Method, endpoint.Path(w), contentType, body ?? endpoint.Frame(endpoint.Json(w)), headers);
                corpus.Add($"{endpoint.Name}: {name}", request, Expectation.Problem(415, "application/json"), BodyEndpoint.Witnesses(w));
            }
        }

        foreach (var endpoint in corpus.Endpoints.Where(e => e.Name != "batch site"))
        {
            foreach (var (name, prefix, suffix) in BadChunks)
            {
                var w = corpus.NextWitness();
                var body = endpoint.Frame(endpoint.Json(w));
                var request = RawHttp.Framed(endpoint.Method, endpoint.Path(w), $"Content-Type: {endpoint.ContentType}\r\nTransfer-Encoding: chunked\r\n", [.. Encoding.ASCII.GetBytes(prefix), .. body, .. Encoding.ASCII.GetBytes(suffix)]);
                corpus.Add($"{endpoint.Name}: {name}", request, Expectation.Problem(400, "chunk"), BodyEndpoint.Witnesses(w));
            }

            var cut = corpus.NextWitness();
            var whole = endpoint.Frame(endpoint.Json(cut));
            corpus.Add($"{endpoint.Name}: JSON cut short", RawHttp.Request(endpoint.Method, endpoint.Path(cut), endpoint.ContentType, whole[..(whole.Length / 2)]), endpoint.BodyProblem, BodyEndpoint.Witnesses(cut));
            var last = corpus.NextWitness();
            var full = endpoint.Frame(endpoint.Json(last));
            var half = full[..(full.Length / 2)];
            var chunked = RawHttp.Framed(endpoint.Method, endpoint.Path(last), $"Content-Type: {endpoint.ContentType}\r\nTransfer-Encoding: chunked\r\n", [.. Encoding.ASCII.GetBytes($"{half.Length:X}\r\n"), .. half, .. "\r\n0\r\n\r\n"u8]);
            corpus.Add($"{endpoint.Name}: chunked body ending mid-JSON", chunked, endpoint.BodyProblem, BodyEndpoint.Witnesses(last));
            corpus.Add($"{endpoint.Name}: 5 MiB announced", RawHttp.Framed(endpoint.Method, endpoint.Path(corpus.NextWitness()), $"Content-Type: {endpoint.ContentType}\r\nContent-Length: {5 * 1024 * 1024}\r\nExpect: 100-continue\r\n", []), Expectation.Problem(413, "too large"));
        }

        // A body that stops arriving: Kestrel answers 408 once the minimum data rate's grace period (5 s) is over.
        foreach (var endpoint in corpus.Endpoints.Where(e => e.Name is "meter" or "ndjson vehicle"))
        {
            var w = corpus.NextWitness();
            var body = endpoint.Frame(endpoint.Json(w));
            corpus.Add($"{endpoint.Name}: body shorter than its Content-Length", RawHttp.Framed(endpoint.Method, endpoint.Path(w), $"Content-Type: {endpoint.ContentType}\r\nContent-Length: {body.Length + 100}\r\n", body), Expectation.Problem(408, "timed out"), BodyEndpoint.Witnesses(w));
        }

        foreach (var (path, methods) in MethodsNotMapped)
        {
            foreach (var method in methods)
            {
                var resolved = path.Replace("{w}", corpus.NextWitness(), StringComparison.Ordinal).Replace("{site}", corpus.FixtureSite, StringComparison.Ordinal);
                corpus.Add($"{method} {path}", RawHttp.Request(method, resolved), Expectation.Problem(405, "Method Not Allowed"));
            }
        }

        var meter = HostileEndpoints.Named(corpus.Endpoints, "meter");
        foreach (var (name, headers) in new[]
        {
            ("Transfer-Encoding: gzip", "Transfer-Encoding: gzip\r\n"), ("two Content-Lengths", "Content-Length: 2\r\nContent-Length: 3\r\n"),
            ("negative Content-Length", "Content-Length: -1\r\n"), ("Content-Length past 2^64", "Content-Length: 99999999999999999999999\r\n"),
            ("space in a header name", "Bad Header: x\r\n"),
        })
        {
            var w = corpus.NextWitness();
            corpus.Add($"meter: {name}", RawHttp.Framed("POST", "/v1/telemetry/meter", $"Content-Type: application/json\r\n{headers}", meter.Json(w)), Expectation.KestrelRefusal, BodyEndpoint.Witnesses(w));
        }
    }
}
