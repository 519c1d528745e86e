using System.CommandLine;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Sites;

/// <summary>The <c>sites</c> command line: how many demo sites, their seed and reporting interval.</summary>
internal static class SitesCommand
{
    // Ids are demo-site-0001 … demo-site-9999.
    private const int MaxSites = 9999;

    public static Command Create()
    {
        var gateway = CliOptions.Gateway();
        var count = new Option<int>("--count") { Description = "Demo sites to create: demo-site-0001 …, cycling residential, commercial, industrial.", HelpName = "n", DefaultValueFactory = _ => 3 };
        var seed = CliOptions.Seed("Seed the sites' simulation seeds derive from: the same seed recreates the same sites.");
        var interval = new Option<int>("--interval-minutes") { Description = "Minutes between a site's readings.", HelpName = "minutes", DefaultValueFactory = _ => 5 };
        CliOptions.Range(count, 1, MaxSites);
        CliOptions.Range(interval, 1, 60);

        var command = new Command("sites", "Create demo BMS sites (battery + solar) through POST /v1/sites; existing ones are left as they are.")
        {
            gateway, count, seed, interval,
        };
        command.SetAction((parse, cancellationToken) => SitesRunner.RunAsync(
            parse.GetRequiredValue(gateway), parse.GetValue(count), parse.GetValue(seed), parse.GetValue(interval), cancellationToken));
        return command;
    }
}
