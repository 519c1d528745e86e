namespace EnergyActors.Tests.Infrastructure;

/// <summary>One silo process and one gateway process on a fresh database, shared by the HTTP tests.</summary>
public sealed class RunningSystemFixture : IAsyncLifetime
{
    public RunningSystem System { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public HttpClient Http => System.Http;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("http");
        System = await RunningSystem.StartAsync(Database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await System.DisposeAsync();
        await Database.DisposeAsync();
    }
}
