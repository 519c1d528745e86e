using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Analytics;
using Microsoft.Extensions.Logging;

namespace EnergyActors.Grains;

/// <summary>
/// How a vehicle's window survives its activation. A stored window holds exactly the history rows committed as of
/// a PostgreSQL snapshot (and stamped before the window's end); on activation the vehicle restores it and reads back
/// only the rows that came after, reaching the figures a full rebuild would. The stored window is never the live one:
/// the live window also holds what meters forwarded, which no snapshot describes, so each write starts from the
/// stored window and adds the rows committed since it, all from history. A missing, unreadable or stale stored
/// window means a full rebuild, which is then stored.
/// </summary>
public sealed partial class VehicleGrain
{
    // xmin is widened to 64 bits against the reading statement's horizon; past half the 32-bit range that is no longer certain.
    private const ulong StaleAfterTransactions = 1UL << 31;

    private bool _persisting;

    // Whether history may hold rows the stored window lacks. Only a hint: a row this activation never saw is read
    // back by the next activation's catch-up all the same, so an idle vehicle's periodic write costs no query.
    private bool _committedSinceStore = true;

    private async Task<VehicleHistory> RestoreWindowAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (rows, restored) = await ReadBackAsync(_window, now, cancellationToken);
        Fill(rows, now);
        if (!restored && !_window.IsEmpty)
        {
            // No call has run yet, so the live window is exactly what the snapshot saw. It is stored just after the
            // activation rather than during it, so a rebuild does not also wait for a write.
            var rebuilt = Stored(_window, rows.Snapshot, now);
            this.RegisterGrainTimer(
                _ => StoreRebuiltAsync(rebuilt),
                new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = true });
        }

        return rows;
    }

    private async Task StoreRebuiltAsync(StoredWindow rebuilt)
    {
        try
        {
            await windows.Save(VehicleId, rebuilt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not fatal: the periodic write stores it later, and until then the next activation rebuilds again.
            LogStoreFailed(ex, VehicleId);
        }
    }

    /// <summary>
    /// Restores the stored window into <paramref name="window"/> and reads the rows committed after it; when there is
    /// none, or it is unreadable or stale, resets <paramref name="window"/> and reads every row of the window instead.
    /// </summary>
    private async Task<(VehicleHistory Rows, bool Restored)> ReadBackAsync(EfficiencyWindow window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = window.StartAt(now);
        var stored = await windows.Load(VehicleId, cancellationToken);
        if (stored is not null && window.TryRestore(stored.Buckets))
        {
            var after = await historyReader.LoadVehicle(VehicleId, since, cancellationToken, stored.CatchUp);
            if (after.Snapshot.Xmax - stored.CatchUp.After.Xmax < StaleAfterTransactions)
            {
                return (after, true);
            }

            window.Reset();
        }
        else if (stored is not null)
        {
            LogUnreadable(VehicleId);
        }

        return (await historyReader.LoadVehicle(VehicleId, since, cancellationToken), false);
    }

    private void SchedulePersistence()
    {
        var period = TimeSpan.FromSeconds(options.Value.WindowStoreSeconds);
        // A per-vehicle offset spreads a fleet's writes over the period instead of bunching them after a restart.
        var offset = TimeSpan.FromTicks((long)((uint)StringComparer.Ordinal.GetHashCode(VehicleId) % (ulong)period.Ticks));
        this.RegisterGrainTimer(
            _ => PersistWindowAsync(),
            new GrainTimerCreationOptions { DueTime = offset, Period = period, Interleave = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A silo shutting down deactivates every vehicle at once; a write each would stretch the shutdown, and the
        // periodic writes already bound what the next activation reads back.
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
        {
            return;
        }

        try
        {
            await PersistWindowAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not fatal: the next activation catches up from the older stored window, or rebuilds.
            LogStoreFailed(ex, VehicleId);
        }
    }

    /// <summary>Brings the stored window up to the rows committed now, from history alone; the live window is not touched.</summary>
    internal async Task PersistWindowAsync()
    {
        if (!_seen || _persisting || !_committedSinceStore)
        {
            return;
        }

        _persisting = true;
        _committedSinceStore = false;
        try
        {
            var now = time.GetUtcNow();
            var window = NewWindow();
            var (rows, restored) = await ReadBackAsync(window, now, CancellationToken.None);
            if (restored && rows.VehicleReadings.Count + rows.AcReadings.Count == 0)
            {
                // Nothing came after it: the stored window is still exact.
                return;
            }

            window.Advance(now);
            FillWindow(window, rows, now);
            await windows.Save(VehicleId, Stored(window, rows.Snapshot, now));
        }
        catch
        {
            // Not stored: the next period tries again.
            _committedSinceStore = true;
            throw;
        }
        finally
        {
            _persisting = false;
        }
    }

    private EfficiencyWindow NewWindow() => new(_window.BucketSize, _window.FutureBuckets);

    private static StoredWindow Stored(EfficiencyWindow window, TransactionSnapshot snapshot, DateTimeOffset now) =>
        new(window.ToSnapshot(), new HistoryCatchUp(snapshot, window.HeldUntil), now);

    private void Fill(VehicleHistory rows, DateTimeOffset now)
    {
        _window.Advance(now);
        foreach (var reading in rows.VehicleReadings)
        {
            ApplyDc(reading, now);
        }

        foreach (var energy in rows.AcReadings)
        {
            ApplyAc(energy, now);
        }
    }

    // The same rows the live window takes; one outside the API's limits was logged when the live window met it.
    private static void FillWindow(EfficiencyWindow window, VehicleHistory rows, DateTimeOffset now)
    {
        foreach (var reading in rows.VehicleReadings.Where(ReadingLimits.IsApplicable))
        {
            window.AddDc(reading.Timestamp, reading.KwhDeliveredDc, reading.BatteryTemp, now);
        }

        foreach (var energy in rows.AcReadings.Where(ReadingLimits.IsApplicable))
        {
            window.AddAc(energy.Timestamp, energy.KwhConsumedAc, now);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vehicle {VehicleId}: stored efficiency window unreadable; rebuilding from history")]
    private partial void LogUnreadable(string vehicleId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vehicle {VehicleId}: efficiency window not stored")]
    private partial void LogStoreFailed(Exception exception, string vehicleId);
}
