using EnergyActors.Benchmarks;

// Benchmark steps that need the product's insides rather than its HTTP API (bench.sh drives those
// through the simulator): the binary-COPY ceiling, the bare-Kestrel ceiling, grain-level throughput, bytes per
// grain and how those grow with the device count.
var arguments = BenchArguments.Parse(args);
switch (arguments.Command)
{
    case "load":
        await CopyCeiling.RunAsync(arguments);
        break;
    case "grains":
        await GrainThroughput.RunAsync(arguments);
        break;
    case "memory":
        await GrainMemory.RunAsync(arguments);
        break;
    case "sites":
        await SiteLoad.LiveAsync(arguments);
        break;
    case "replay":
        await SiteLoad.ReplayAsync(arguments);
        break;
    case "kestrel":
        await KestrelCeiling.RunAsync(arguments);
        break;
    case "scale":
        await DeviceScale.RunAsync(arguments);
        break;
    case "recovery-check":
        await RecoveryCheck.RunAsync(arguments);
        break;
    case "report":
        await BenchReport.RunAsync(arguments);
        break;
    default:
        Console.Error.WriteLine("usage: EnergyActors.Benchmarks load|grains|memory|scale|kestrel|sites|replay|recovery-check|report --connection CS [--vehicles N] [--prefix P] [--json FILE]");
        return 2;
}

return 0;
