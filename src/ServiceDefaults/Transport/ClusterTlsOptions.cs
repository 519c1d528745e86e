namespace EnergyActors.ServiceDefaults.Transport;

/// <summary>
/// TLS on the cluster's own connections, silo to silo and gateway to silo (configuration section <c>Orleans:Tls</c>).
/// Off while no certificate is named, so a local stack on loopback runs as before.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string SectionName = "Orleans:Tls";

    /// <summary>This process's certificate (PEM); the first certificate in the file is used.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate's private key (PEM, unencrypted PKCS#8, PKCS#1 or SEC1).</summary>
    public string? KeyPath { get; set; }

    /// <summary>The CA certificate(s) (PEM) that issued the cluster's certificates: a peer must chain to one of them.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>
    /// SHA-256 fingerprints of the only certificates a peer may present (hex, colons allowed, as
    /// <c>openssl x509 -noout -fingerprint -sha256</c> prints them). With a CA too, a peer must satisfy both.
    /// </summary>
    public IList<string> AllowedThumbprints { get; set; } = [];

    /// <summary>Any of the settings is given: TLS is meant to be on, and a missing piece is an error rather than plain TCP.</summary>
    public bool Configured =>
        !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(KeyPath)
        || !string.IsNullOrWhiteSpace(CaCertificatePath) || AllowedThumbprints.Count > 0;
}
