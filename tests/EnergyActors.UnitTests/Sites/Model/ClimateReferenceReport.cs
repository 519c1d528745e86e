using System.Globalization;
using EnergyActors.Grains.Sites;
using EnergyActors.Grains.Sites.Model;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Sites.Model;

/// <summary>
/// The synthetic climate's annual global horizontal irradiance against published or typical-year values at places
/// across climates, printed with the yield of a 1 kWp array at the default tilt. The goal (±10 % a year) is not met
/// yet: the climate is still derived from latitude alone, so only gross regressions fail here.
/// </summary>
public sealed class ClimateReferenceReport(ITestOutputHelper output)
{
    // kWh/m² a year. Typical-year files: hourly GHI summed (EnergyPlus weather data, energyplus.net/weather).
    private static readonly (string Place, double Latitude, double Longitude, double Ghi, string Source)[] Places =
    [
        ("Phoenix", 33.45, -111.98, 2094, "NREL TMY3 722780 (statistics file)"),
        ("Alice Springs", -23.80, 133.88, 2256, "RMY 943260 EPW"),
        ("Riyadh", 24.91, 46.41, 2189, "EPJ Photovoltaics 2023, pv220042, table 1"),
        ("Singapore", 1.37, 103.98, 1671, "IWEC 486980 EPW"),
        ("Manila", 14.52, 121.00, 1567, "IWEC 984290 EPW"),
        ("Chennai", 13.0, 80.18, 1942, "EPJ Photovoltaics 2023, pv220042, table 1"),
        ("Sevilla", 37.42, -5.90, 1786, "SWEC 083910 EPW"),
        ("Athens", 37.9, 23.7, 1562, "Int. J. Photoenergy 2017, 7540250, table 2"),
        ("London Gatwick", 51.15, -0.18, 1010, "IWEC 037760 EPW"),
        ("Seattle-Tacoma", 47.47, -122.32, 1240, "NREL TMY3 727930 EPW"),
        ("Berlin", 52.47, 13.40, 985, "IWEC 103840 EPW"),
        ("Chicago O'Hare", 41.98, -87.92, 1407, "NREL TMY3 725300 EPW"),
        ("Stockholm", 59.3, 18.1, 980, "Int. J. Photoenergy 2017, 7540250, table 2"),
        ("Reykjavik", 64.13, -21.90, 781, "IWEC 040300 EPW"),
        ("Sydney", -33.85, 151.20, 1773, "RMY 947680 EPW"),
        ("Rio de Janeiro", -22.9, -43.2, 1691, "EPJ Photovoltaics 2023, pv220042, table 1"),
    ];

    [Fact]
    public void Annual_irradiance_at_reference_places_is_printed_beside_the_published_values()
    {
        var errors = new List<double>();
        output.WriteLine("| place | published GHI kWh/m² | simulated | error | kWh/kWp at default tilt | source |");
        foreach (var (place, latitude, longitude, published, source) in Places)
        {
            var (ghi, yield) = SimulateYear(latitude, longitude);
            var error = (ghi - published) / published;
            errors.Add(error);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {place} | {published:0} | {ghi:0} | {100 * error:+0;-0} % | {yield:0} | {source} |"));
            Assert.InRange(error, -0.25, 0.45);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean absolute error {100 * errors.Average(Math.Abs):0.0} % (goal: every place within 10 %)"));
    }

    private static (double GhiKwhPerM2, double KwhPerKwp) SimulateYear(double latitude, double longitude)
    {
        var spec = new SiteSpec(SiteType.Residential, latitude, longitude, "Etc/UTC", 10, 5, 1, 1, null, 1);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var hour = TimeSpan.FromHours(1);
        var state = SiteBattery.Initial(spec, start);
        var (ghi, yield) = (0.0, 0.0);
        for (var i = 1; i <= 8760; i++)
        {
            var step = SitePhysics.Step(spec, state, start + (hour * i), hour, outage: false);
            ghi += step.Reading.WeatherIrradianceWm2 / 1000.0;
            yield += step.Reading.SolarKw;
            state = step.Next;
        }

        return (ghi, yield);
    }
}
