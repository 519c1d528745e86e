using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyActors.ServiceDefaults.Operations;

/// <summary>
/// Who reaches the operations endpoints: they ask for no key, so a caller on another machine finds them only on a
/// management URL, while a caller on this machine (loopback) finds them on every listener. A management URL serves
/// nothing else. Whatever a caller may not reach answers 404, exactly as a path that does not exist.
/// </summary>
public static class OperationsAccess
{
    /// <summary>Where Kestrel listens when nothing says otherwise.</summary>
    private const string KestrelDefaultUrl = "http://localhost:5000";

    /// <summary>Listens on the management URLs as well as the public ones (Urls or Kestrel:Endpoints), which they must not share a port with.</summary>
    public static WebApplicationBuilder AddManagementUrls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var endpoints = builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().ToList();
        IReadOnlyList<string> publicUrls = endpoints.Count > 0
            ? [.. endpoints.Select(e => e["Url"]).OfType<string>()]
            : (builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? KestrelDefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var management = ManagementUrls.Parse(builder.Configuration[ManagementUrls.SettingName], publicUrls);
        builder.Services.AddSingleton(management);
        if (management.Urls.Count == 0)
        {
            return builder;
        }

        if (endpoints.Count > 0)
        {
            // Kestrel binds its configured endpoints and ignores Urls altogether then: the management URLs join those.
            builder.Configuration.AddInMemoryCollection(
                management.Urls.Select((url, i) => KeyValuePair.Create($"Kestrel:Endpoints:Management{i}:Url", (string?)url)));
        }
        else
        {
            builder.WebHost.UseUrls([.. publicUrls, .. management.Urls]);
        }

        return builder;
    }

    /// <summary>The rule, ahead of everything that could answer otherwise (authentication's 401, a 405 for a wrong method).</summary>
    public static IApplicationBuilder UseOperationsAccess(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var management = app.ApplicationServices.GetService<ManagementUrls>() ?? ManagementUrls.None;
        return app.Use((context, next) =>
        {
            if (Allowed(context, management))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    private static bool Allowed(HttpContext context, ManagementUrls management)
    {
        var onManagementUrl = management.Contains(context.Connection.LocalPort);
        var operations = OperationsEndpoints.IsOperationsPath(context.Request.Path) || OperationsEndpoints.IsOperationsEndpoint(context.GetEndpoint());
        return operations ? onManagementUrl || IsLoopback(context.Connection.RemoteIpAddress) : !onManagementUrl;
    }

    private static bool IsLoopback(IPAddress? remote) =>
        remote is not null && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
}
