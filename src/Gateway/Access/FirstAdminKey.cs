using EnergyActors.Grains.Abstractions.Access;
using Microsoft.Extensions.Options;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// When no admin key is configured, the first start of a cluster generates one and prints it once, on standard
/// output and never through the log pipeline (which may ship it elsewhere). Several gateways may start together:
/// each offers a key to the fleet directory, which issues only the first ever offered, and only the gateway whose
/// key was issued prints it.
/// </summary>
public sealed partial class FirstAdminKey(
    IGrainFactory grains, TimeProvider time, IOptions<AccessOptions> options, ILogger<FirstAdminKey> logger) : BackgroundService
{
    public const string Announcement = "First admin key (shown this once; keep it):";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!string.IsNullOrEmpty(options.Value.BootstrapAdminKey))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var (keyId, key) = ApiKeyText.Create();
            var grant = new ApiKeyGrant(keyId, AccessOptions.AdminFleet, ApiKeyRole.Admin, "first admin key", ApiKeyText.Hash(key), time.GetUtcNow(), ExpiresAt: null);
            try
            {
                if (await grains.GetGrain<IFleetDirectoryGrain>(0).TryIssueFirstAdminKey(grant, "Default fleet"))
                {
                    await Console.Out.WriteLineAsync($"{Announcement} {key}");
                    await Console.Out.FlushAsync(stoppingToken);
                    LogIssued(keyId);
                }
                else
                {
                    LogNotNeeded();
                }

                return;
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
            {
                LogRetry(ex.GetType().Name, ex.Message);
                try
                {
                    await Task.Delay(RetryDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the first admin key, id {KeyId}, and printed it on standard output")]
    private partial void LogIssued(string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "An admin key was issued before; no first admin key generated")]
    private partial void LogNotNeeded();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not yet settle the first admin key ({ExceptionType}: {Reason}); trying again")]
    private partial void LogRetry(string exceptionType, string reason);
}
