namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// Where a private <see cref="PostgresServer"/> listens: <see cref="Address"/>, on the machine whose commands start with
/// <see cref="Launcher"/> (e.g. <c>ip netns exec ns</c>), letting clients from <see cref="ClientSubnet"/> in with the password.
/// </summary>
public sealed record PostgresListener(string Address, string ClientSubnet, IReadOnlyList<string> Launcher)
{
    public static PostgresListener Loopback { get; } = new("127.0.0.1", "127.0.0.1/32", []);
}
