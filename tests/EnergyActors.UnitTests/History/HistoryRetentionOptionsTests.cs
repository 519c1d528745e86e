using EnergyActors.Silo;
using EnergyActors.Silo.History;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EnergyActors.Tests.History;

/// <summary>Retention settings a silo must refuse at start-up, read through the silo's own configuration binding.</summary>
public sealed class HistoryRetentionOptionsTests
{
    [Theory]
    [InlineData(null, null, 0, 0)]
    [InlineData("0", "0", 0, 0)]
    [InlineData("2", null, 2, 0)]
    [InlineData("30", "365", 30, 365)]
    [InlineData("30", "30", 30, 30)]
    [InlineData(null, "90", 0, 90)]
    public void Usable_settings_bind_from_the_History_keys(string? retention, string? rollups, int expectedRetention, int expectedRollups)
    {
        var settings = Bind(retention, rollups).Value;

        Assert.Equal(expectedRetention, settings.RetentionDays);
        Assert.Equal(expectedRollups, settings.RollupRetentionDays);
    }

    [Theory]
    [InlineData("1", null, "History:RetentionDays=1 is refused: keep at least 2 days")]
    [InlineData(null, "1", "History:RollupRetentionDays=1 is refused: keep at least 2 days")]
    [InlineData("30", "7", "History:RollupRetentionDays=7 is shorter than History:RetentionDays=30")]
    [InlineData("-1", null, "RetentionDays")]
    public void Unusable_settings_are_refused_with_a_message_naming_the_key(string? retention, string? rollups, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(retention, rollups).Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static IOptions<HistoryRetentionOptions> Bind(string? retention, string? rollups)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = "Host=127.0.0.1",
                ["History:RetentionDays"] = retention,
                ["History:RollupRetentionDays"] = rollups,
            })
            .Build();
        return new ServiceCollection().AddLogging().AddEnergyActorsStorage(configuration).BuildServiceProvider().GetRequiredService<IOptions<HistoryRetentionOptions>>();
    }
}
