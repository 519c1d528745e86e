using EnergyActors.Grains.Abstractions.Access;
using Orleans.Concurrency;

namespace EnergyActors.Grains.Access;

/// <summary>Lets the gateway, which talks only to grains, append to and read the audit log.</summary>
[StatelessWorker]
public sealed class AuditLogGrain(IAuditStore store) : Grain, IAuditLogGrain
{
    public Task Record(AuditEntry entry) => store.Append(entry);

    public Task<IReadOnlyList<AuditEntry>> List(AuditQuery query) => store.List(query);
}
