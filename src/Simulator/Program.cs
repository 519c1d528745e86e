using System.CommandLine;
using EnergyActors.Simulator.Commands;
using EnergyActors.Simulator.Shared;

var root = new RootCommand("EnergyActors device-fleet simulator: drives the gateway's HTTP API.")
{
    new IngestCommand(),
    new FleetCommand(),
    new BackfillCommand(),
    new SitesCommand(),
    new AnalyticsCommand(),
};

// Runs drain in-flight requests and report after Ctrl+C; the default 2 s would cut that short.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = Shutdown.Budget };
return await root.Parse(args).InvokeAsync(invocation);
