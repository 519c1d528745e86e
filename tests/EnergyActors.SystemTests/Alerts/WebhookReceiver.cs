using System.Collections.Concurrent;
using System.Net;
using EnergyActors.Silo.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EnergyActors.Tests.Alerts;

/// <summary>
/// A webhook receiver on 127.0.0.1 (a port the system gives it): answers 500 to its first <c>failFirst</c> requests,
/// then 200, checking each signature with the secret and keeping one record per delivery id (at least once means the
/// same delivery may come twice).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _secret;
    private readonly bool _hang;
    private readonly CancellationTokenSource _stopping = new();
    private int _failuresLeft;
    private int _requests;

    private WebhookReceiver(WebApplication app, string secret, int failFirst, bool hang)
    {
        _app = app;
        _hang = hang;
        _secret = secret;
        _failuresLeft = failFirst;
    }

    public Uri Url { get; private set; } = null!;

    public int Requests => _requests;

    public int BadSignatures { get; private set; }

    /// <summary>By delivery id: the alert, its change and when it first arrived.</summary>
    public ConcurrentDictionary<string, (long AlertId, string State, DateTimeOffset At)> Deliveries { get; } = new();

    /// <summary>With <paramref name="hang"/>, never answers: every request waits until the sender gives up or the receiver stops.</summary>
    public static async Task<WebhookReceiver> StartAsync(string secret, int failFirst, bool hang = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret, failFirst, hang);
        app.MapPost("/hook", (Delegate)receiver.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/hook");
        return receiver;
    }

    public async Task WaitForAsync(Func<WebhookReceiver, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done(this))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} within {timeout.TotalSeconds:0} s; received {Deliveries.Count} deliveries in {Requests} requests");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (_hang)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        var body = buffer.ToArray();
        if (!WebhookSignature.Verify(_secret, body, context.Request.Headers[WebhookSignature.Header]))
        {
            BadSignatures++;
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        using var json = System.Text.Json.JsonDocument.Parse(body);
        Deliveries.TryAdd(
            context.Request.Headers["X-EnergyActors-Delivery"].ToString(),
            (json.RootElement.GetProperty("alertId").GetInt64(), json.RootElement.GetProperty("state").GetString()!, DateTimeOffset.UtcNow));
        return Results.Ok();
    }
}
