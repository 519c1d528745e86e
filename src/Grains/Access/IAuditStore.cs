using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Grains.Access;

/// <summary>The audit log's table: appended to, never changed.</summary>
public interface IAuditStore
{
    Task Append(AuditEntry entry);

    Task<IReadOnlyList<AuditEntry>> List(AuditQuery query);
}
