namespace EnergyActors.Grains.Alerts;

/// <summary>
/// What a device's rule says about one alert kind at an evaluation: it should be active (<see cref="Raise"/>), it
/// should not (<see cref="Clear"/>), or neither, inside a hysteresis band where it stays as it is.
/// </summary>
internal readonly record struct AlertCondition(string Kind, bool Raise, bool Clear);
