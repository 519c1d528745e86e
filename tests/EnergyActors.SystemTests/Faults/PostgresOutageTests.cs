using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Faults;

/// <summary>
/// PostgreSQL goes away under load: the gateway answers 503 with Retry-After (never a 200 it cannot
/// keep), and once PostgreSQL is back every reading that got a 200 is in history.
/// </summary>
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task While_PostgreSQL_is_down_ingestion_answers_503_and_every_200_is_in_history_afterwards()
    {
        await using var server = await PostgresServer.StartPrivateAsync();
        await using var database = await TestDatabase.CreateAsync("outage", server.AdminConnectionString);
        await using var system = await RunningSystem.StartAsync(database.ConnectionString);
        await using var load = AcknowledgedLoad.Start(system.GatewayAddress);

        await AcknowledgedLoad.WaitUntilAsync(() => load.Ok >= 300, TimeSpan.FromSeconds(60), "300 readings are acknowledged");
        await server.StopAsync();
        var okWhenStopped = load.Ok;
        await AcknowledgedLoad.WaitUntilAsync(() => load.Unavailable >= 50, TimeSpan.FromSeconds(60), "50 answers are 503 while PostgreSQL is down");
        // A 200 may still arrive for a commit that finished just before the stop; none can after the 503s began.
        var okWhileDown = load.Ok;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(okWhileDown, load.Ok);

        await server.StartAsync();
        await AcknowledgedLoad.WaitUntilAsync(() => load.Ok >= okWhileDown + 300, TimeSpan.FromSeconds(90), "300 more readings are acknowledged after PostgreSQL is back");
        await load.StopAsync();

        // The test's own pooled connections died with the server; the product's must have recovered by themselves.
        database.DataSource.Clear();
        var missing = await load.MissingFromHistoryAsync(database);
        output.WriteLine($"ok before stop {okWhenStopped}, 503s {load.Unavailable}, ok total {load.Ok}, unexpected {load.Unexpected.Count}");
        Assert.Empty(load.Unexpected);
        Assert.Equal(0, load.UnavailableWithoutRetryAfter);
        Assert.Empty(missing);
    }
}
