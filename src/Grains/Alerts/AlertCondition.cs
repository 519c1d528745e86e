using EnergyActors.Grains.Abstractions.Alerts;

namespace EnergyActors.Grains.Alerts;

/// <summary>
/// What a device's readings say about one kind of alert under its fleet's rule: the condition holds
/// (<see cref="Raise"/>), it does not (<see cref="Clear"/>), or neither: inside a threshold's band, or without
/// enough evidence to judge, where the alert stays as it is.
/// </summary>
internal readonly record struct AlertCondition(AlertRule Rule, bool Raise, bool Clear)
{
    public string Kind => Rule.Kind;
}
