using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// A vehicle's plug-ins starting on one UTC day, drawn from (seed, vehicle, day) alone: commuters charge
/// at work on most weekday mornings, others now and then at a DC fast charger, and most evenings at home
/// overnight. The windows never overlap (home ends by 07:45, work starts at 08:00 and ends by 17:30, fast
/// ends by 17:10, home starts at 18:00), so a vehicle is at one charger at a time.
/// </summary>
internal static class SessionPlanner
{
    public const double HomeKw = 7.4;
    public const double WorkKw = 11;

    private const double WorkChance = 0.7;
    private const double FastChanceWeekday = 0.05;
    private const double FastChanceWeekend = 0.12;
    private const double HomeChance = 0.6;
    private const double HomeChanceAfterWork = 0.25;

    public static void Plan(long seed, VehicleProfile profile, long day, List<PlannedSession> into)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(into);
        var random = StableHash.Stream(seed, FleetStreams.Day, profile.Number, day);
        var midnight = DateTimeOffset.UnixEpoch.AddDays(day);

        // All draws are taken in a fixed order whatever is planned, so each decision has stable inputs.
        double workDraw = random.NextUnit(), workStart = random.NextUnit(), workLength = random.NextUnit();
        double fastDraw = random.NextUnit(), fastStart = random.NextUnit(), fastLength = random.NextUnit(), fastPower = random.NextUnit();
        double homeDraw = random.NextUnit(), homeStart = random.NextUnit(), homeEnd = random.NextUnit();
        double dayDrive = random.NextUnit(), homeDrive = random.NextUnit();

        var weekday = IsWeekday(day);
        var atWork = profile.Commuter && weekday && workDraw < WorkChance;
        if (atWork)
        {
            var plugIn = At(midnight, 8 + (2 * workStart));
            var unplug = Min(At(plugIn, 3 + (5 * workLength)), At(midnight, 17.5));
            into.Add(new PlannedSession(ChargerKind.Work, plugIn, unplug, WorkKw, 3 + (9 * dayDrive)));
        }
        else if (fastDraw < (weekday ? FastChanceWeekday : FastChanceWeekend))
        {
            var plugIn = At(midnight, 11 + (5.5 * fastStart));
            var unplug = plugIn.AddMinutes(Math.Floor(20 + (20 * fastLength)));
            into.Add(new PlannedSession(ChargerKind.Fast, plugIn, unplug, Math.Round(50 + (100 * fastPower), 1), 25 + (35 * dayDrive)));
        }

        if (homeDraw < (atWork ? HomeChanceAfterWork : HomeChance))
        {
            var plugIn = At(midnight, 18 + (5 * homeStart));
            var unplug = At(midnight, 24 + 6.5 + (1.25 * homeEnd));
            into.Add(new PlannedSession(ChargerKind.Home, plugIn, unplug, HomeKw, 6 + (24 * homeDrive)));
        }
    }

    // 1970-01-01, day 0, was a Thursday.
    private static bool IsWeekday(long day) => ((((day + 3) % 7) + 7) % 7) < 5;

    // Whole minutes: chargers start and stop on the minute, as their schedules do.
    private static DateTimeOffset At(DateTimeOffset from, double hours) => from.AddMinutes(Math.Floor(hours * 60));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

/// <summary>
/// One plug-in as planned: at the charger from <see cref="PlugIn"/> to <see cref="Unplug"/> drawing
/// <see cref="AcKw"/> until the battery is full, after driving <see cref="DriveKwh"/> since the previous one.
/// </summary>
internal sealed record PlannedSession(ChargerKind Kind, DateTimeOffset PlugIn, DateTimeOffset Unplug, double AcKw, double DriveKwh);

/// <summary>Where a vehicle plugs in; it sets the charger's power and the grid voltage the meter sees.</summary>
internal enum ChargerKind
{
    /// <summary>A 7.4 kW single-phase wallbox, evenings into the night.</summary>
    Home,

    /// <summary>An 11 kW three-phase workplace charger, weekday mornings to afternoons.</summary>
    Work,

    /// <summary>A 50–150 kW DC fast charger, 20–40 minutes on a longer trip.</summary>
    Fast,
}
