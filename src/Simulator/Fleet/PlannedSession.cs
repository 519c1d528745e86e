namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// One plug-in as planned: at the charger from <see cref="PlugIn"/> to <see cref="Unplug"/> drawing
/// <see cref="AcKw"/> until the battery is full, after driving <see cref="DriveKwh"/> since the previous one.
/// </summary>
internal sealed record PlannedSession(ChargerKind Kind, DateTimeOffset PlugIn, DateTimeOffset Unplug, double AcKw, double DriveKwh);
