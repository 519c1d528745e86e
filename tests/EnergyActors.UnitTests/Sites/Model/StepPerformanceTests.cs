using System.Diagnostics;
using EnergyActors.Grains.Sites;
using EnergyActors.Grains.Sites.Model;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Sites.Model;

public sealed class StepPerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void A_step_takes_microseconds_and_allocates_little()
    {
        // 10,000 sites stepping each minute is ~170 steps/s; the bounds are loose so a busy CI
        // machine (or a Debug build) cannot fail them, while a 100× regression still would.
        const int steps = 200_000;
        var spec = TestSites.Residential();
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var interval = TimeSpan.FromMinutes(1);
        var state = SiteBattery.Initial(spec, start);
        for (var i = 1; i <= 10_000; i++)
        {
            state = SitePhysics.Step(spec, state, start.AddMinutes(i), interval, outage: false).Next;
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= steps; i++)
        {
            state = SitePhysics.Step(spec, state, start.AddMinutes(10_000 + i), interval, outage: false).Next;
        }

        clock.Stop();
        var bytesPerStep = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)steps;
        var microsPerStep = clock.Elapsed.TotalMicroseconds / steps;
        output.WriteLine($"SitePhysics.Step with synthetic weather: {microsPerStep:F2} µs/step, {bytesPerStep:F0} B/step over {steps:N0} steps");

        Assert.True(microsPerStep < 100, $"{microsPerStep:F1} µs per step");
        Assert.True(bytesPerStep < 1024, $"{bytesPerStep:F0} bytes per step");
    }
}
