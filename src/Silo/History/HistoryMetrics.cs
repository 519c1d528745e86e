using System.Diagnostics.Metrics;

namespace EnergyActors.Silo.History;

/// <summary>The history writer's and retention's instruments (meter <c>EnergyActors.History</c>).</summary>
public sealed class HistoryMetrics
{
    public const string MeterName = "EnergyActors.History";

    private readonly Counter<long> _rows;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _failedFlushes;
    private readonly Histogram<int> _batchRows;
    private readonly Histogram<double> _flushDuration;
    private readonly Counter<long> _partitionsDropped;
    private readonly Counter<long> _rollupsDeleted;
    private readonly Counter<long> _directCopies;

    public HistoryMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _rows = meter.CreateCounter<long>("energyactors.history.rows", "{row}", "Rows that went through a flush, by table and outcome (stored, duplicate, or refused by PostgreSQL for their content).");
        _refused = meter.CreateCounter<long>("energyactors.history.refused", "{row}", "Rows refused with back-pressure, by reason.");
        _failedFlushes = meter.CreateCounter<long>("energyactors.history.flush.failures", "{flush}", "Flushes that did not commit.");
        _batchRows = meter.CreateHistogram<int>("energyactors.history.flush.rows", "{row}", "Rows per flushed batch.");
        _flushDuration = meter.CreateHistogram<double>("energyactors.history.flush.duration", "s", "Time to stage, insert and commit one batch.");
        _partitionsDropped = meter.CreateCounter<long>("energyactors.history.retention.partitions", "{partition}", "Daily partitions dropped by retention (History:RetentionDays), by table.");
        _rollupsDeleted = meter.CreateCounter<long>("energyactors.history.retention.rollups", "{row}", "Site rollup rows deleted by retention (History:RollupRetentionDays).");
        _directCopies = meter.CreateCounter<long>("energyactors.history.direct_copies", "{copy}", "Batches of one table COPYed straight into history (outcome stored), or undone because a key was already stored and staged instead (outcome fell_back).");
        QueueDepth = meter.CreateObservableGauge("energyactors.history.queue.rows", () => ObserveQueueDepth?.Invoke() ?? 0, "{row}", "Rows waiting for or in a flush.");
    }

    public ObservableGauge<long> QueueDepth { get; }

    internal Func<long>? ObserveQueueDepth { get; set; }

    internal void Committed(string table, int stored, int duplicates, int refused)
    {
        _rows.Add(refused, new KeyValuePair<string, object?>("table", table), new KeyValuePair<string, object?>("outcome", "refused"));
        _rows.Add(stored, new KeyValuePair<string, object?>("table", table), new KeyValuePair<string, object?>("outcome", "stored"));
        _rows.Add(duplicates, new KeyValuePair<string, object?>("table", table), new KeyValuePair<string, object?>("outcome", "duplicate"));
    }

    internal void Refused(int rows, string reason) => _refused.Add(rows, new KeyValuePair<string, object?>("reason", reason));

    internal void Flushed(int rows, TimeSpan duration)
    {
        _batchRows.Record(rows);
        _flushDuration.Record(duration.TotalSeconds);
    }

    internal void DirectCopy(string table, bool stored) =>
        _directCopies.Add(1, new KeyValuePair<string, object?>("table", table), new KeyValuePair<string, object?>("outcome", stored ? "stored" : "fell_back"));

    internal void FlushFailed() => _failedFlushes.Add(1);

    internal void PartitionDropped(string table) => _partitionsDropped.Add(1, new KeyValuePair<string, object?>("table", table));

    internal void RollupsDeleted(long rows) => _rollupsDeleted.Add(rows);
}
