using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// A tiny OCI base image made by the test (one layer holding /etc/passwd and /etc/group with the "app" user 1654), in place
/// of mcr.microsoft.com/dotnet/aspnet, which machines without that registry cannot pull. It proves how the SDK assembles
/// an image, not that the image runs: the runtime is the real base image's business.
/// </summary>
public sealed class TestBaseImage
{
    public const string ManifestMediaType = "application/vnd.oci.image.manifest.v1+json";
    public const string MarkerLabel = "io.energyactors.test-base";

    private TestBaseImage(Dictionary<string, byte[]> blobs, byte[] manifest)
    {
        Blobs = blobs;
        Manifest = manifest;
        ManifestDigest = Digest(manifest);
    }

    /// <summary>Blobs by digest ("sha256:…"): the config and the layer.</summary>
    public IReadOnlyDictionary<string, byte[]> Blobs { get; }

    public byte[] Manifest { get; }

    public string ManifestDigest { get; }

    public string LayerDigest { get; private init; } = "";

    public static TestBaseImage Create()
    {
        var layerTar = LayerTar();
        var layer = Gzip(layerTar);
        var config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            architecture = "amd64",
            os = "linux",
            config = new Dictionary<string, object>
            {
                ["Env"] = new[] { "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
                ["Labels"] = new Dictionary<string, string> { [MarkerLabel] = "true" },
            },
            rootfs = new { type = "layers", diff_ids = new[] { Digest(layerTar) } },
            history = new[] { new { created_by = "EnergyActors ContainerImageTests" } },
        });
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = ManifestMediaType,
            config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = Digest(config), size = config.Length },
            layers = new[] { new { mediaType = "application/vnd.oci.image.layer.v1.tar+gzip", digest = Digest(layer), size = layer.Length } },
        });
        var blobs = new Dictionary<string, byte[]> { [Digest(config)] = config, [Digest(layer)] = layer };
        return new TestBaseImage(blobs, manifest) { LayerDigest = Digest(layer) };
    }

    public static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] LayerTar()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "etc/") { Mode = (UnixFileMode)0b111_101_101 });
            AddFile(writer, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1654:1654::/home/app:/usr/sbin/nologin\n");
            AddFile(writer, "etc/group", "root:x:0:\napp:x:1654:\n");
        }

        return tar.ToArray();
    }

    private static void AddFile(TarWriter writer, string name, string text) =>
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            Mode = (UnixFileMode)0b110_100_100,
            DataStream = new MemoryStream(Encoding.ASCII.GetBytes(text)),
        });

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
