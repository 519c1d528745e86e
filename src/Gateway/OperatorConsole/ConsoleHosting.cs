using Microsoft.Extensions.FileProviders;

namespace EnergyActors.Gateway.OperatorConsole;

/// <summary>
/// The operator console's files (built from src/Console into wwwroot/console) at /console, and / sending browsers
/// there. The files hold no fleet's data and load without a key; everything they show comes from /v1 with one.
/// </summary>
public static class ConsoleHosting
{
    public const string Path = "/console";

    public static WebApplication UseConsoleFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = System.IO.Path.Combine(app.Environment.WebRootPath ?? System.IO.Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "console");
        if (!Directory.Exists(folder))
        {
            // A gateway built without npm still serves the API; /console then says how to build it.
            app.Map(Path, (HttpContext context) => Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Console not built",
                detail: "Build it with 'npm ci && npm run build' in src/Console (run.sh and test.sh do), then restart the gateway."))
                .AllowAnonymous().ExcludeFromDescription();
            return app;
        }

        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Path, FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { RequestPath = Path, FileProvider = files });
        app.MapGet("/", () => TypedResults.Redirect(Path + "/")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
