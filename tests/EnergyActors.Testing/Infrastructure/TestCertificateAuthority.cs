using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// A throwaway certificate authority for TLS tests: it issues server and client certificates for 127.0.0.1 and
/// writes each, with its key, as PEM files in a private folder that disappears with it.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly ECDsa _key;

    private TestCertificateAuthority(string directory, ECDsa key, X509Certificate2 certificate)
    {
        Directory = directory;
        _key = key;
        Certificate = certificate;
        CertificatePath = Path.Combine(directory, "ca.pem");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
    }

    /// <summary>The folder holding the PEM files (mode 0700).</summary>
    public string Directory { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>The CA's certificate as PEM, for whoever must trust what it issues.</summary>
    public string CertificatePath { get; }

    public static TestCertificateAuthority Create(string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ea-tls-{name}-{Guid.NewGuid():N}");
        // Private keys inside: readable by the test's user alone (the product's processes run as the same user).
        _ = OperatingSystem.IsWindows()
            ? System.IO.Directory.CreateDirectory(directory)
            : System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=EnergyActors tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        return new TestCertificateAuthority(directory, key, request.CreateSelfSigned(now.AddDays(-30), now.AddDays(30)));
    }

    /// <summary>
    /// A certificate for <paramref name="name"/>, valid for 127.0.0.1 and localhost, fit for the given uses, written as
    /// <c>name.pem</c> and <c>name.key.pem</c>. <paramref name="validFrom"/> and <paramref name="validUntil"/> default to an hour ago and tomorrow.
    /// </summary>
    public IssuedCertificate Issue(string name, CertificateUses uses, DateTimeOffset? validFrom = null, DateTimeOffset? validUntil = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=EnergyActors tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var purposes = new OidCollection();
        if (uses.HasFlag(CertificateUses.Server))
        {
            purposes.Add(ServerAuthentication);
        }

        if (uses.HasFlag(CertificateUses.Client))
        {
            purposes.Add(ClientAuthentication);
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(purposes, critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        var certificate = request.Create(Certificate, validFrom ?? now.AddHours(-1), validUntil ?? now.AddDays(1), serial);
        var certificatePath = Path.Combine(Directory, $"{name}.pem");
        var keyPath = Path.Combine(Directory, $"{name}.key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new IssuedCertificate(certificatePath, keyPath, certificate);
    }

    /// <summary>An HTTP handler that trusts this CA (and nothing else) for the servers it reaches, host name checked.</summary>
    public SocketsHttpHandler TrustingHandler() => new()
    {
        SslOptions =
        {
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { Certificate },
                RevocationMode = X509RevocationMode.NoCheck,
            },
        },
    };

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
