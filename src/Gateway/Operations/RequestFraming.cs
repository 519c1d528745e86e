using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace EnergyActors.Gateway.Operations;

/// <summary>
/// What a request body must be framed as to reach an endpoint that declares the media types it accepts, and the 415
/// answer naming them otherwise. Only exact media types count (parameters allowed, a charset only if UTF-8) and no
/// Content-Encoding: browsers send text/plain, form and multipart bodies cross-site without a CORS preflight, so a state
/// change must never be taken from them, and ASP.NET's own Accepts matching lets a missing Content-Type, any "+json"
/// type and any charset through.
/// </summary>
public static class RequestFraming
{
    private const int MaxEchoLength = 100;

    /// <summary>Why the request's body is refused by an endpoint accepting <paramref name="mediaTypes"/>; null when it is taken.</summary>
    public static string? Refusal(HttpRequest request, IReadOnlyList<string> mediaTypes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mediaTypes);
        var encoding = request.Headers.ContentEncoding;
        if (encoding.Count > 0 && !(encoding.Count == 1 && "identity".Equals(encoding[0], StringComparison.OrdinalIgnoreCase)))
        {
            return $"Content-Encoding '{Echo(encoding.ToString())}' is not accepted; send the body uncompressed.";
        }

        var contentType = request.ContentType;
        if (string.IsNullOrEmpty(contentType))
        {
            // A request without a body (a bodiless POST) needs no type; the endpoint says what it misses.
            return HasBody(request) ? "The request has a body but no Content-Type." : null;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !mediaTypes.Any(m => parsed.MediaType.Equals(m, StringComparison.OrdinalIgnoreCase)))
        {
            return $"Content-Type '{Echo(contentType)}' is not accepted.";
        }

        var charset = HeaderUtilities.RemoveQuotes(parsed.Charset);
        return charset.HasValue && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            ? $"Charset '{Echo(charset.Value!)}' is not accepted: JSON is read as UTF-8 (RFC 8259)."
            : null;
    }

    /// <summary>An endpoint answering 415 for a request its node's endpoints refuse, naming what they accept.</summary>
    public static Endpoint UnsupportedMediaTypeEndpoint(IReadOnlyList<string> mediaTypes) =>
        new(context => WriteUnsupportedMediaTypeAsync(context, mediaTypes), EndpointMetadataCollection.Empty, "415 Unsupported Media Type (request framing)");

    private static async Task WriteUnsupportedMediaTypeAsync(HttpContext context, IReadOnlyList<string> mediaTypes)
    {
        var accepted = string.Join(" or ", mediaTypes);
        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        // RFC 9110 §12.5.1: Accept in a response names the media types a request to this resource may carry.
        context.Response.Headers.Accept = string.Join(", ", mediaTypes);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "Unsupported media type",
                Detail = string.Create(CultureInfo.InvariantCulture, $"{Refusal(context.Request, mediaTypes)} Send the body as {accepted} (UTF-8)."),
                Extensions = { ["acceptedMediaTypes"] = mediaTypes },
            },
        });
    }

    private static bool HasBody(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0;

    private static string Echo(string text) => text.Length <= MaxEchoLength ? text : text[..MaxEchoLength] + "…";
}
