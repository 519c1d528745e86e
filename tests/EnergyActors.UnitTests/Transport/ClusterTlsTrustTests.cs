using EnergyActors.ServiceDefaults.Transport;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Transport;

/// <summary>Which peers the cluster's TLS lets in, and which settings it refuses to start with.</summary>
public sealed class ClusterTlsTrustTests : IDisposable
{
    private readonly TestCertificateAuthority _cluster = TestCertificateAuthority.Create("cluster");
    private readonly TestCertificateAuthority _rogue = TestCertificateAuthority.Create("rogue");

    [Fact]
    public void Without_any_setting_TLS_is_off()
    {
        Assert.Null(ClusterTls.Load(new ClusterTlsOptions()));
        Assert.Null(ClusterTls.Load(null));
    }

    [Fact]
    public void A_peer_is_trusted_when_the_cluster_CA_issued_its_certificate_and_it_is_in_date()
    {
        var tls = Load(_cluster.Issue("self", CertificateUses.Server | CertificateUses.Client), ca: _cluster);

        Assert.True(tls.Trusts(_cluster.Issue("peer", CertificateUses.Server | CertificateUses.Client).Certificate));
        Assert.False(tls.Trusts(_rogue.Issue("stranger", CertificateUses.Server | CertificateUses.Client).Certificate));
        var now = DateTimeOffset.UtcNow;
        Assert.False(tls.Trusts(_cluster.Issue("expired", CertificateUses.Client, now.AddDays(-2), now.AddDays(-1)).Certificate));
        Assert.False(tls.Trusts(_cluster.Issue("early", CertificateUses.Client, now.AddDays(1), now.AddDays(2)).Certificate));
    }

    [Fact]
    public void Pinned_thumbprints_admit_exactly_those_certificates_whoever_issued_them()
    {
        var pinned = _rogue.Issue("pinned", CertificateUses.Client);
        // Written as openssl prints it: colons, upper case; the check is on the SHA-256 fingerprint.
        var written = string.Join(':', Enumerable.Range(0, 32).Select(i => pinned.Thumbprint.Substring(i * 2, 2)));
        var tls = Load(_cluster.Issue("self", CertificateUses.Client), ca: null, thumbprints: [written.ToLowerInvariant()]);

        Assert.True(tls.Trusts(pinned.Certificate));
        Assert.False(tls.Trusts(_cluster.Issue("unpinned", CertificateUses.Client).Certificate));
    }

    [Fact]
    public void A_CA_and_pins_together_require_both()
    {
        var pinnedStranger = _rogue.Issue("stranger", CertificateUses.Client);
        var pinnedMember = _cluster.Issue("member", CertificateUses.Client);
        var tls = Load(_cluster.Issue("self", CertificateUses.Client), ca: _cluster, thumbprints: [pinnedStranger.Thumbprint, pinnedMember.Thumbprint]);

        Assert.True(tls.Trusts(pinnedMember.Certificate));
        Assert.False(tls.Trusts(pinnedStranger.Certificate));
        Assert.False(tls.Trusts(_cluster.Issue("unpinned", CertificateUses.Client).Certificate));
    }

    [Fact]
    public void Settings_that_would_leave_the_cluster_open_or_half_configured_refuse_to_start_saying_what_is_missing()
    {
        var self = _cluster.Issue("self", CertificateUses.Client);

        Assert.Contains("CaCertificatePath or AllowedThumbprints", Refusal(new() { CertificatePath = self.CertificatePath, KeyPath = self.KeyPath }), StringComparison.Ordinal);
        Assert.Contains("both CertificatePath and KeyPath", Refusal(new() { CertificatePath = self.CertificatePath, CaCertificatePath = _cluster.CertificatePath }), StringComparison.Ordinal);
        Assert.Contains("both CertificatePath and KeyPath", Refusal(new() { CaCertificatePath = _cluster.CertificatePath }), StringComparison.Ordinal);
        Assert.Contains("not a SHA-256 fingerprint", Refusal(new() { CertificatePath = self.CertificatePath, KeyPath = self.KeyPath, AllowedThumbprints = ["ABCD"] }), StringComparison.Ordinal);
        Assert.Contains("cannot load the certificate", Refusal(new() { CertificatePath = self.CertificatePath, KeyPath = _cluster.CertificatePath, CaCertificatePath = _cluster.CertificatePath }), StringComparison.Ordinal);
        Assert.Contains("holds no PEM certificate", Refusal(new() { CertificatePath = self.CertificatePath, KeyPath = self.KeyPath, CaCertificatePath = self.KeyPath }), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _cluster.Dispose();
        _rogue.Dispose();
    }

    private static ClusterTls Load(IssuedCertificate self, TestCertificateAuthority? ca, IList<string>? thumbprints = null) =>
        ClusterTls.Load(new ClusterTlsOptions
        {
            CertificatePath = self.CertificatePath,
            KeyPath = self.KeyPath,
            CaCertificatePath = ca?.CertificatePath,
            AllowedThumbprints = thumbprints ?? [],
        })!;

    private static string Refusal(ClusterTlsOptions options) => Assert.Throws<InvalidOperationException>(() => ClusterTls.Load(options)).Message;
}
