namespace EnergyActors.Simulator.Fleet;

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
