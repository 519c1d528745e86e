using EnergyActors.Gateway;
using EnergyActors.Gateway.Access;

// Content root = where the binaries are, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Before anything listens or connects: a gateway that would serve anonymous requests beyond loopback never starts.
if (AccessSettings.RefusalToStart(builder.Configuration) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 2;
}

// Under systemd (Type=notify) the unit counts as started once the host is; elsewhere this does nothing.
builder.Services.AddSystemd();
builder.AddGatewayServices();

var app = builder.Build();
app.MapGatewayApi();
await app.RunAsync();
return Environment.ExitCode;

/// <summary>Visible to the HTTP tests, which host this gateway on a real Kestrel.</summary>
public partial class Program;
