using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Diagnostics;

namespace EnergyActors.Gateway.Operations;

/// <summary>
/// Maps "cannot make this durable now" to 503 with Retry-After, and Kestrel's own request errors
/// (413 body too large, 408 body too slow, 400 bad framing) to problem details. Anything else stays a 500: a bug.
/// </summary>
public sealed partial class UnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title, retryAfter) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, Title(bad.StatusCode), 0),
            // Kestrel reports a chunk size that overflows as a bare IOException, not BadHttpRequestException. The gateway does no
            // other I/O of its own in a request (Orleans and Npgsql wrap theirs), so an IOException here is the request's framing.
            IOException => (StatusCodes.Status400BadRequest, "Malformed request body", 0),
            BackPressureException refused => (StatusCodes.Status503ServiceUnavailable, "Ingestion is back-pressured", refused.RetryAfterSeconds),
            OrleansException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, "The cluster is unavailable", 1),
            _ => (0, string.Empty, 0),
        };
        if (status == 0)
        {
            return false;
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(exception.GetType().Name, exception.Message);
            httpContext.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = status == StatusCodes.Status503ServiceUnavailable
                    ? "Nothing in this request was acknowledged; retrying it is safe (ingestion is idempotent)."
                    : exception.Message,
            },
        });
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status408RequestTimeout => "Request body too slow",
        _ => "Bad request",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503: {ExceptionType}: {Reason}")]
    private partial void LogUnavailable(string exceptionType, string reason);
}
