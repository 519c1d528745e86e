using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace EnergyActors.ServiceDefaults.Transport;

/// <summary>
/// The cluster's TLS credentials as loaded from <see cref="ClusterTlsOptions"/>: this process's certificate, and the rule
/// by which a peer is trusted (issued by the cluster's CA, or one of the pinned certificates). Silos and gateways apply
/// the same rule, and every connection is mutual: whoever connects presents a certificate too.
/// </summary>
public sealed class ClusterTls
{
    private readonly X509Certificate2Collection _authorities;
    private readonly HashSet<string> _pinned;

    private ClusterTls(X509Certificate2 certificate, X509Certificate2Collection authorities, HashSet<string> pinned)
    {
        Certificate = certificate;
        _authorities = authorities;
        _pinned = pinned;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The credentials <paramref name="options"/> name, or null when it names none (TLS off).</summary>
    /// <exception cref="InvalidOperationException">The settings are incomplete, or a file cannot be read as what it should hold.</exception>
    public static ClusterTls? Load(ClusterTlsOptions? options)
    {
        if (options is null || !options.Configured)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(options.CertificatePath) || string.IsNullOrWhiteSpace(options.KeyPath))
        {
            throw Refused("needs both CertificatePath and KeyPath (PEM files)");
        }

        var pinned = options.AllowedThumbprints.Select(Fingerprint).ToHashSet(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(options.CaCertificatePath) && pinned.Count == 0)
        {
            // Without one of them every certificate would do, which is encryption without knowing who is on the other end.
            throw Refused("needs CaCertificatePath or AllowedThumbprints, to tell which peers to trust");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(options.CertificatePath, options.KeyPath);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw Refused($"cannot load the certificate {options.CertificatePath} with the key {options.KeyPath}: {ex.Message}", ex);
        }

        var authorities = new X509Certificate2Collection();
        if (!string.IsNullOrWhiteSpace(options.CaCertificatePath))
        {
            try
            {
                authorities.ImportFromPemFile(options.CaCertificatePath);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw Refused($"cannot read the CA certificate(s) in {options.CaCertificatePath}: {ex.Message}", ex);
            }

            if (authorities.Count == 0)
            {
                throw Refused($"{options.CaCertificatePath} holds no PEM certificate");
            }
        }

        return new ClusterTls(certificate, authorities, pinned);
    }

    /// <summary>Orleans' TLS on this process's connections, both ways, with a certificate required of every peer.</summary>
    public void Configure(TlsOptions tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        tls.LocalCertificate = Certificate;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Orleans would otherwise drop a certificate unfit for client authentication without a word, and connect without one.
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Replaces the platform's verdict, which knows neither the cluster's CA nor its pins (and checks a host name that
        // silos, reached by IP address from the membership table, do not have).
        tls.RemoteCertificateValidation = (certificate, chain, _) => Trusts(certificate, chain);
    }

    /// <summary>Whether a peer presenting <paramref name="peer"/> (with the intermediates in <paramref name="presented"/>) belongs to the cluster.</summary>
    public bool Trusts(X509Certificate2 peer, X509Chain? presented = null)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (_pinned.Count > 0 && !_pinned.Contains(peer.GetCertHashString(HashAlgorithmName.SHA256)))
        {
            return false;
        }

        if (_authorities.Count == 0)
        {
            var now = DateTime.Now;
            return peer.NotBefore <= now && now <= peer.NotAfter;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        // A private cluster CA publishes no revocation lists; revoking a member is done by replacing the CA or the pins.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(peer);
    }

    /// <summary>A SHA-256 fingerprint as written by openssl or anyone else, reduced to upper-case hex.</summary>
    private static string Fingerprint(string written)
    {
        var hex = string.Concat((written ?? string.Empty).Where(c => c != ':' && !char.IsWhiteSpace(c))).ToUpperInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit)
            ? hex
            : throw Refused(string.Create(CultureInfo.InvariantCulture, $"AllowedThumbprints: '{written}' is not a SHA-256 fingerprint (64 hex digits)"));
    }

    private static InvalidOperationException Refused(string problem, Exception? inner = null) =>
        new($"{ClusterTlsOptions.SectionName} {problem}.", inner);
}
