using EnergyActors.Gateway;

// Content root = where the binaries are, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddGatewayServices();

var app = builder.Build();
app.MapGatewayApi();
await app.RunAsync();

/// <summary>Visible to the HTTP tests, which host this gateway on a real Kestrel.</summary>
public partial class Program;
