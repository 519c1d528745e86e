using System.CommandLine;
using EnergyActors.Simulator.Ingest;

var root = new RootCommand("EnergyActors device-fleet simulator: drives the gateway's HTTP API.")
{
    IngestCommand.Create(),
};

// The ingest command drains in-flight requests and counts rows after Ctrl+C; the default 2 s would cut that short.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = IngestRunner.ShutdownBudget };
return await root.Parse(args).InvokeAsync(invocation);
