using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Sites;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Tests.Sites.Model;

public sealed class DeterminismTests
{
    private const ulong PinnedHash = 0x4874BDC2F65EA950UL;

    private static readonly DateTimeOffset Start = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Fact]
    public void The_same_spec_and_seed_give_identical_readings()
    {
        // Separately constructed specs: equality of values, not identity, is what must matter.
        var first = TestSites.Run(TestSites.Residential(seed: 1234), Start, Start.AddDays(10), Interval, OutageOnDay3);
        var second = TestSites.Run(TestSites.Residential(seed: 1234), Start, Start.AddDays(10), Interval, OutageOnDay3);

        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Reading, second[i].Reading);
        }
    }

    [Fact]
    public void Readings_do_not_depend_on_what_else_was_simulated_in_between()
    {
        var spec = TestSites.Commercial(seed: 5);
        var state = SiteBattery.Initial(spec, Start);
        var end = Start.AddHours(9);

        var alone = SitePhysics.Step(spec, state, end, Interval, outage: false);

        // Other sites stepping (and weather sampled for other places) must not disturb this one.
        foreach (var other in TestSites.All())
        {
            TestSites.Run(other, Start, Start.AddHours(6), Interval);
            SyntheticWeather.Sample(other, end);
        }

        var again = SitePhysics.Step(spec, state, end, Interval, outage: false);
        Assert.Equal(alone, again);
    }

    [Fact]
    public void A_different_seed_gives_different_loads_and_weather()
    {
        var a = TestSites.Run(TestSites.Residential(seed: 1), Start, Start.AddDays(3), Interval);
        var b = TestSites.Run(TestSites.Residential(seed: 2), Start, Start.AddDays(3), Interval);

        var differentLoads = a.Zip(b).Count(p => p.First.Reading.LoadKw != p.Second.Reading.LoadKw);
        Assert.True(differentLoads > a.Count * 0.9, $"only {differentLoads} of {a.Count} loads differ");
        Assert.NotEqual(a.Sum(r => r.Reading.LoadKwh), b.Sum(r => r.Reading.LoadKwh));
        Assert.Contains(a.Zip(b), p => p.First.Reading.WeatherCloudCoverPercent != p.Second.Reading.WeatherCloudCoverPercent);
    }

    [Fact]
    public void Stable_random_values_are_fixed_across_processes()
    {
        // SplitMix64's first output for seed 0 is Mix(golden ratio) = 0xE220A8397B1DCDAF, a published
        // reference value; the pinned hash guards replayed histories against a silent change.
        Assert.Equal(0xE220A8397B1DCDAFUL, StableRandom.Mix(0x9E3779B97F4A7C15UL));
        Assert.Equal(PinnedHash, StableRandom.Hash(42, 638_000_000_000_000_000, 7));
        Assert.Equal(StableRandom.Hash(42, 638_000_000_000_000_000, 7), StableRandom.Hash(42, 638_000_000_000_000_000, 7));
        Assert.NotEqual(StableRandom.Hash(42, 1, 7), StableRandom.Hash(42, 1, 8));
        Assert.NotEqual(StableRandom.Hash(42, 1, 7), StableRandom.Hash(43, 1, 7));
        Assert.InRange(StableRandom.Unit(1, 2, 3), 0.0, 1.0);
    }

    private static bool OutageOnDay3(DateTimeOffset t) => t > Start.AddDays(3) && t <= Start.AddDays(3).AddHours(20);
}
