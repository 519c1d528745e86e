using System.Diagnostics.Metrics;
using EnergyActors.Silo.History;
using EnergyActors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EnergyActors.Tests.History;

/// <summary>Real history writers (as many as a test asks for, each with its own options) on one fresh database.</summary>
internal sealed class HistoryWriterUnderTest : IAsyncDisposable
{
    private readonly List<ServiceProvider> _services = [new ServiceCollection().AddMetrics().BuildServiceProvider()];
    private readonly List<HistoryWriter> _writers = [];

    private HistoryWriterUnderTest(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    /// <summary>The first writer started.</summary>
    public HistoryWriter Writer => _writers[0];

    public static async Task<HistoryWriterUnderTest> StartAsync(string prefix, HistoryWriterOptions options, params string[] setupSql)
    {
        var history = new HistoryWriterUnderTest(await TestDatabase.CreateAsync(prefix));
        foreach (var sql in setupSql)
        {
            await history.Database.ScalarAsync(sql);
        }

        await history.AddWriterAsync(options);
        return history;
    }

    /// <summary>Another writer on the same database; <paramref name="metrics"/> gets its own instruments.</summary>
    public async Task<HistoryWriter> AddWriterAsync(HistoryWriterOptions options, HistoryMetrics? metrics = null)
    {
        metrics ??= new HistoryMetrics(_services[0].GetRequiredService<IMeterFactory>());
        var writer = new HistoryWriter(Database.DataSource, Options.Create(options), metrics, NullLogger<HistoryWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        _writers.Add(writer);
        return writer;
    }

    /// <summary>Instruments of their own (a meter factory shares one meter among all who ask it for the same name).</summary>
    public HistoryMetrics NewMetrics()
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _services.Add(services);
        return new HistoryMetrics(services.GetRequiredService<IMeterFactory>());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers)
        {
            await writer.StopAsync(CancellationToken.None);
            writer.Dispose();
        }

        foreach (var services in _services)
        {
            await services.DisposeAsync();
        }
        await Database.DisposeAsync();
    }
}
