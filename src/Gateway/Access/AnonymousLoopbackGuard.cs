using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// Anonymous local mode checked against the addresses Kestrel actually listens on, once it does: configuration
/// (<see cref="AccessSettings.RefusalToStart"/>) may not tell all of them (an endpoint added in code). A gateway
/// found listening beyond loopback stops with a non-zero exit code; until then the scheme handler honours anonymous
/// requests only on loopback connections.
/// </summary>
public sealed class AnonymousLoopbackGuard(
    IServer server, IHostApplicationLifetime lifetime, IOptions<AccessOptions> options, ILogger<AnonymousLoopbackGuard> logger) : IHostedLifecycleService
{
    public const int ExitCode = 3;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AnonymousFleet is not { Length: > 0 } fleet)
        {
            return Task.CompletedTask;
        }

        var exposed = server.Features.Get<IServerAddressesFeature>()?.Addresses.Where(a => !AccessSettings.IsLoopback(a)).ToList() ?? [];
        if (exposed.Count > 0)
        {
            var refusal = AccessSettings.NotLoopback(fleet, exposed);
            Console.Error.WriteLine(refusal);
            logger.LogCritical("{Refusal}", refusal);
            Environment.ExitCode = ExitCode;
            lifetime.StopApplication();
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
