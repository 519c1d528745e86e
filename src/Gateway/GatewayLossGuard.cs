namespace EnergyActors.Gateway;

/// <summary>
/// Fails grain calls that were in flight when a gateway connection died, once they have had
/// <c>grace</c> to answer. Orleans 10 completes an external client's call only with its response or its
/// response timeout: when a silo is killed, calls sent through its gateway, and calls a surviving gateway
/// forwarded to grains on it, get no response and no rejection (the silo that breaks such calls on a death
/// only knows its own callbacks; dotnet/orleans#10165). Without this they would all wait out the deadline.
/// A call that started before the loss but is healthy answers well within the grace; new calls are routed
/// around the dead gateway by Orleans and are not affected. The failure is a <see cref="SiloUnavailableException"/>,
/// which the gateway answers 503 with Retry-After; readings are idempotent, so a retry is safe.
/// </summary>
public sealed partial class GatewayLossGuard(TimeSpan grace, ILogger<GatewayLossGuard> logger) : IClusterConnectionStatusObserver, IOutgoingGrainCallFilter, IDisposable
{
    // One source per period between losses: a loss cancels the current one after the grace and starts
    // the next, so only calls that began before the loss are affected.
    private CancellationTokenSource _epoch = new();

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            LogGatewayLost(previousNumberOfGateways, currentNumberOfGateways, grace.TotalSeconds);
            OnLoss();
        }
    }

    public void NotifyClusterConnectionLost() => OnLoss();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lost = Volatile.Read(ref _epoch).Token;
        var call = context.Invoke();
        if (call.IsCompleted)
        {
            await call;
            return;
        }

        try
        {
            await call.WaitAsync(lost);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            if (call.IsCompleted)
            {
                await call;
                return;
            }

            // The abandoned call still ends (at its response timeout); observe it so its fault goes nowhere.
            _ = call.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            throw new SiloUnavailableException(
                $"A gateway connection was lost while this call was in flight and it did not answer within {grace.TotalSeconds:0.#} s.");
        }
    }

    public void Dispose() => Volatile.Read(ref _epoch).Dispose();

    private void OnLoss()
    {
        var ended = Interlocked.Exchange(ref _epoch, new CancellationTokenSource());
        // Not disposed: calls of that period may still be registering on its token; it is garbage once they end.
        ended.CancelAfter(grace);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connections {Previous} -> {Current}: calls in flight get {GraceSeconds} s to answer, then 503")]
    private partial void LogGatewayLost(int previous, int current, double graceSeconds);
}
