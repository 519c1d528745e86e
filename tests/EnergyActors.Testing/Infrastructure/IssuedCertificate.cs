using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>A certificate a <see cref="TestCertificateAuthority"/> issued: its PEM files, and the certificate itself (public part).</summary>
public sealed record IssuedCertificate(string CertificatePath, string KeyPath, X509Certificate2 Certificate)
{
    /// <summary>The SHA-256 fingerprint, as an operator pins it.</summary>
    public string Thumbprint => Certificate.GetCertHashString(HashAlgorithmName.SHA256);
}
