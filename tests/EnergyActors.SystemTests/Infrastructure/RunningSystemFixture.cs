using EnergyActors.Tests.Weather;

namespace EnergyActors.Tests.Infrastructure;

public sealed class RunningSystemFixture : IAsyncLifetime
{
    /// <summary>A typical-year file (<see cref="EpwFixture"/>) in the silo's weather directory, for sites that name it.</summary>
    public const string WeatherFile = "berlin-typical.epw";

    private readonly string _weatherDirectory = Path.Combine(Path.GetTempPath(), $"ea-weather-{Guid.NewGuid():N}");

    public RunningSystem System { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public HttpClient Http => System.Http;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_weatherDirectory);
        await File.WriteAllTextAsync(Path.Combine(_weatherDirectory, WeatherFile), EpwFixture.Write());
        Database = await TestDatabase.CreateAsync("http");
        System = await RunningSystem.StartAsync(Database.ConnectionString, extraSiloSettings: new Dictionary<string, string>
        {
            ["Weather__Files__Directory"] = _weatherDirectory,
        });
    }

    public async Task DisposeAsync()
    {
        await System.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_weatherDirectory, recursive: true);
    }
}
