using System.Diagnostics;
using EnergyActors.Grains.Abstractions.Sites;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EnergyActors.Benchmarks;

/// <summary>
/// What simulated sites cost: N sites at a 1-minute interval live on one in-process silo (CPU of this
/// process per wall second, and per site-interval), and one site's year replayed into history.
/// </summary>
internal static class SiteLoad
{
    public static async Task LiveAsync(BenchArguments arguments)
    {
        using var host = await InProcessSilo.StartAsync(arguments.Connection);
        InProcessSilo.ActForBenchFleet();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var count = arguments.Number("count", 10_000);
        var minutes = arguments.Number("minutes", 3);
        var prefix = $"{arguments.Prefix}s{Guid.NewGuid():N}"[..16];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await grains.GetGrain<ISiteGrain>($"{prefix}-{i}").Create(Config(i, intervalMinutes: 1)));

        // Start measuring on a minute boundary, once every site has ticked at least once.
        await Task.Delay(TimeSpan.FromSeconds(90 - DateTime.UtcNow.Second));
        await using var dataSource = NpgsqlDataSource.Create(arguments.Connection);
        var rowsBefore = await RowsAsync(dataSource, prefix);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromMinutes(minutes));
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var seconds = wall.Elapsed.TotalSeconds;
        var rows = await RowsAsync(dataSource, prefix) - rowsBefore;
        await BenchResult.WriteAsync(arguments, "sites", new Dictionary<string, double>
        {
            ["sites"] = count,
            ["seconds"] = seconds,
            ["rows"] = rows,
            ["rowsPerSecond"] = rows / seconds,
            ["siloCpuCores"] = cpu / seconds,
            ["siloCpuMicrosecondsPerSiteInterval"] = rows > 0 ? cpu * 1e6 / rows : 0,
        });
        await host.StopAsync();
    }

    public static async Task ReplayAsync(BenchArguments arguments)
    {
        using var host = await InProcessSilo.StartAsync(arguments.Connection);
        InProcessSilo.ActForBenchFleet();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var days = arguments.Number("days", 365);
        var interval = arguments.Number("interval", 5);
        var site = grains.GetGrain<ISiteGrain>($"{arguments.Prefix}replay-{Guid.NewGuid():N}"[..40]);
        await site.Create(Config(0, interval) with { Running = false });
        var to = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var started = Stopwatch.StartNew();
        await site.StartReplay(to.AddDays(-days), to);
        SiteReplay? progress;
        while ((progress = await site.GetReplay())?.State == "running")
        {
            await Task.Delay(100);
        }

        var seconds = started.Elapsed.TotalSeconds;
        await BenchResult.WriteAsync(arguments, "replay", new Dictionary<string, double>
        {
            ["days"] = days,
            ["intervalMinutes"] = interval,
            ["rows"] = progress?.IntervalsDone ?? 0,
            ["seconds"] = seconds,
            ["rowsPerSecond"] = (progress?.IntervalsDone ?? 0) / seconds,
        });
        await host.StopAsync();
    }

    private static SiteConfig Config(int i, int intervalMinutes) => (i % 3) switch
    {
        0 => new SiteConfig("bench home", "residential", 52.52, 13.405, "Europe/Berlin", 10, 5, 8, 6, intervalMinutes, true, true, i, null),
        1 => new SiteConfig("bench shop", "commercial", 40.42, -3.70, "Europe/Madrid", 100, 50, 80, 60, intervalMinutes, true, true, i, null),
        _ => new SiteConfig("bench plant", "industrial", 1.35, 103.82, "Asia/Singapore", 500, 250, 400, 300, intervalMinutes, true, true, i, null),
    };

    private static async Task<long> RowsAsync(NpgsqlDataSource dataSource, string prefix)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM site_readings WHERE site_id LIKE $1");
        command.Parameters.Add(new NpgsqlParameter { Value = prefix + "-%" });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
