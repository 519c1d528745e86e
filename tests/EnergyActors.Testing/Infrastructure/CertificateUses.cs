namespace EnergyActors.Tests.Infrastructure;

/// <summary>What a test certificate may authenticate (its extended key usages).</summary>
[Flags]
public enum CertificateUses
{
    Server = 1,
    Client = 2,
}
