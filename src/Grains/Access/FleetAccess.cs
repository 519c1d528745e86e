using System.Collections.Concurrent;
using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Grains.Access;

/// <summary>
/// Judges the fleet a call acts for (<see cref="FleetScope"/>) against the fleet that owns a grain's data. Reads of
/// another fleet's data look like reads of nothing (a fleet never learns what others hold); changes are refused (403).
/// </summary>
internal static class FleetAccess
{
    /// <summary>Owner of every device, site and alert from before fleets existed: the run command's anonymous fleet.</summary>
    public const string LegacyFleet = "default";

    // Grains keep their owner's id for as long as they live; one string per fleet instead of one per grain.
    private static readonly ConcurrentDictionary<string, string> Fleets = new(StringComparer.Ordinal);

    /// <summary>The calling scope; a call that carries none did not pass the gateway's access decision and is refused.</summary>
    public static string Scope => FleetScope.Current
        ?? throw new InvalidOperationException("The grain call carries no fleet scope: only calls that passed an access decision may reach fleet data.");

    public static bool MayRead(string? owner)
    {
        var scope = Scope;
        return owner is not null && (scope == FleetScope.AllFleets || scope == owner);
    }

    /// <summary>Whether the caller may change data <paramref name="owner"/> already owns: the hot path, with nothing to bind or build.</summary>
    public static bool MayChange(string? owner)
    {
        var scope = Scope;
        return owner is not null && (scope == owner || scope == FleetScope.AllFleets);
    }

    /// <summary>Refuses a change to data of another fleet; data that belongs to no fleet yet may be changed by any.</summary>
    public static void DemandWrite(string? owner, string what)
    {
        var scope = Scope;
        if (owner is not null && scope != FleetScope.AllFleets && scope != owner)
        {
            throw FleetAccessException.OtherFleet(what);
        }
    }

    /// <summary>
    /// The owner a write may proceed under: <paramref name="owner"/> when the caller acts for it, else the fleet the
    /// caller binds the unowned data to through <paramref name="bind"/>. Throws when the data is another fleet's.
    /// </summary>
    public static async ValueTask<string> ClaimAsync(string? owner, string what, Func<string, Task<string>> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        var scope = Scope;
        if (owner is null)
        {
            if (scope == FleetScope.AllFleets)
            {
                throw FleetAccessException.FleetRequired($"write to {what}, which belongs to no fleet yet,");
            }

            owner = Intern(await bind(scope));
        }

        DemandWrite(owner, what);
        return owner;
    }

    /// <summary>
    /// The one fleet the call acts for, where one is needed (a listing, a link's devices); an admin acting for every fleet
    /// is refused, to name one.
    /// </summary>
    public static string OneFleet(string what) =>
        Scope is var scope && scope == FleetScope.AllFleets ? throw FleetAccessException.FleetRequired(what) : Intern(scope);

    /// <summary>Refuses a call to a grain keyed by <paramref name="fleet"/> unless the call acts for exactly that fleet.</summary>
    public static void DemandOneFleet(string fleet, string what)
    {
        if (OneFleet(what) != fleet)
        {
            throw FleetAccessException.OtherFleet(what);
        }
    }

    /// <summary>The fleet a device belongs to after it may write: its owner, or the caller's fleet it is bound to now.</summary>
    public static ValueTask<string> ClaimDeviceAsync(string? owner, DeviceKind kind, string deviceId, IDeviceOwners owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        return MayChange(owner)
            ? ValueTask.FromResult(owner!)
            : ClaimAsync(owner, $"{(kind == DeviceKind.Meter ? "Meter" : "Vehicle")} '{deviceId}'", fleet => owners.Bind(kind, deviceId, fleet));
    }

    /// <summary>Data (a device, site or link) that exists but names no fleet was made before fleets existed: it is the legacy fleet's.</summary>
    public static string? Restored(string? bound, bool seen) => bound is not null ? Intern(bound) : seen ? LegacyFleet : null;

    public static string Intern(string fleet) => Fleets.GetOrAdd(fleet, fleet);
}
