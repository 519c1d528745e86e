using System.Text.RegularExpressions;
using EnergyActors.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// A read-only container registry on localhost (the pull half of the OCI distribution API: /v2/, manifests, blobs)
/// serving one <see cref="TestBaseImage"/>, so the SDK pulls a base image as it would from any registry. The SDK
/// talks plain HTTP to a registry named localhost:port without being told (it treats localhost as insecure), so
/// no certificate is needed; another host would need DOTNET_CONTAINER_INSECURE_REGISTRIES.
/// </summary>
public sealed partial class LocalBaseImageRegistry : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _pulls;

    private LocalBaseImageRegistry(WebApplication app, int port, string repository, string tag)
    {
        _app = app;
        Port = port;
        Image = $"localhost:{port}/{repository}:{tag}";
    }

    /// <summary>The base image's full name, for ContainerBaseImage.</summary>
    public string Image { get; }

    public int Port { get; }

    /// <summary>How many blob downloads the registry answered: the proof that the SDK pulled from here.</summary>
    public int BlobPulls => Volatile.Read(ref _pulls);

    public static async Task<LocalBaseImageRegistry> StartAsync(TestBaseImage image, string repository, string tag)
    {
        ArgumentNullException.ThrowIfNull(image);
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port));
        var app = builder.Build();
        var registry = new LocalBaseImageRegistry(app, port, repository, tag);
        app.Run(context => registry.AnswerAsync(context, image, repository, tag));
        await app.StartAsync();
        return registry;
    }

    private async Task AnswerAsync(HttpContext context, TestBaseImage image, string repository, string tag)
    {
        var path = context.Request.Path.Value ?? "";
        if (path is "/v2" or "/v2/")
        {
            await Send(context, "application/json", "{}"u8.ToArray(), digest: null);
            return;
        }

        var match = ApiPath().Match(path);
        if (!match.Success || match.Groups["name"].Value != repository)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var reference = match.Groups["reference"].Value;
        if (match.Groups["kind"].Value == "manifests" && (reference == tag || reference == image.ManifestDigest))
        {
            await Send(context, TestBaseImage.ManifestMediaType, image.Manifest, image.ManifestDigest);
        }
        else if (match.Groups["kind"].Value == "blobs" && image.Blobs.TryGetValue(reference, out var blob))
        {
            Interlocked.Increment(ref _pulls);
            await Send(context, "application/octet-stream", blob, reference);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static async Task Send(HttpContext context, string mediaType, byte[] body, string? digest)
    {
        context.Response.ContentType = mediaType;
        context.Response.ContentLength = body.Length;
        if (digest is not null)
        {
            context.Response.Headers["Docker-Content-Digest"] = digest;
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body);
        }
    }

    [GeneratedRegex("^/v2/(?<name>.+)/(?<kind>manifests|blobs)/(?<reference>[^/]+)$")]
    private static partial Regex ApiPath();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
