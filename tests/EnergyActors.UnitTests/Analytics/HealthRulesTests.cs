using System.Globalization;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Analytics;

namespace EnergyActors.Tests.Analytics;

public sealed class HealthRulesTests
{
    [Theory]
    [InlineData("0.85", HealthStatus.Healthy)]
    [InlineData("0.8499", HealthStatus.Warning)]
    [InlineData("0.70", HealthStatus.Warning)]
    [InlineData("0.6999", HealthStatus.Critical)]
    [InlineData("1.0", HealthStatus.Healthy)]
    [InlineData("1.0001", HealthStatus.Anomaly)]
    [InlineData("0", HealthStatus.Critical)]
    [InlineData("-0.5", HealthStatus.Critical)]
    public void Each_threshold_is_on_the_documented_side(string ratio, HealthStatus expected) =>
        Assert.Equal(expected, HealthRules.Judge(decimal.Parse(ratio, CultureInfo.InvariantCulture)));

    [Fact]
    public void No_ratio_is_no_data() => Assert.Equal(HealthStatus.NoData, HealthRules.Judge(null));
}
