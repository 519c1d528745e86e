namespace EnergyActors.Grains.Abstractions.Access;

/// <summary>The audit log in PostgreSQL, written by the gateway after each change and read by admins (a stateless worker).</summary>
[Alias("ea.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Stores the entry (its <see cref="AuditEntry.Id"/> is assigned by the store).</summary>
    [Alias("Record")]
    Task Record(AuditEntry entry);

    [Alias("List")]
    Task<IReadOnlyList<AuditEntry>> List(AuditQuery query);
}
