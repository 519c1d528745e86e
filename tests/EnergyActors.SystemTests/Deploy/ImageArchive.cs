using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// What an image archive written by <c>ContainerArchiveOutputPath</c> holds, read with nothing but tar: the manifest it
/// names (OCI layout's index.json, or docker load's manifest.json), the image config and the files of every layer.
/// </summary>
public sealed class ImageArchive
{
    private ImageArchive(string format, JsonElement manifest, JsonElement config, IReadOnlyList<string> layerDigests, IReadOnlyList<IReadOnlySet<string>> layerFiles)
    {
        Format = format;
        Manifest = manifest;
        Config = config;
        LayerDigests = layerDigests;
        LayerFiles = layerFiles;
    }

    /// <summary>"oci" (index.json and blobs/) or "docker" (manifest.json).</summary>
    public string Format { get; }

    /// <summary>The image manifest (empty for a docker archive, whose manifest.json names files rather than blobs).</summary>
    public JsonElement Manifest { get; }

    /// <summary>The image config's "config" object: Entrypoint, Cmd, ExposedPorts, User, Env, Labels, WorkingDir.</summary>
    public JsonElement Config { get; }

    public IReadOnlyList<string> LayerDigests { get; }

    /// <summary>The paths in each layer, base image first, without a leading "./" or "/".</summary>
    public IReadOnlyList<IReadOnlySet<string>> LayerFiles { get; }

    public static ImageArchive Read(string path)
    {
        var files = ReadTar(File.ReadAllBytes(path));
        return files.ContainsKey("index.json") ? ReadOci(files) : ReadDocker(files);
    }

    public string[] Strings(string property) =>
        Config.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString() ?? "")]
            : [];

    public string[] ExposedPorts() =>
        Config.TryGetProperty("ExposedPorts", out var ports) ? [.. ports.EnumerateObject().Select(p => p.Name).Order()] : [];

    public string Label(string name) =>
        Config.TryGetProperty("Labels", out var labels) && labels.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static ImageArchive ReadOci(Dictionary<string, byte[]> files)
    {
        using var index = JsonDocument.Parse(files["index.json"]);
        var manifestBytes = Blob(files, index.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!);
        var manifest = JsonDocument.Parse(manifestBytes).RootElement.Clone();
        var config = JsonDocument.Parse(Blob(files, manifest.GetProperty("config").GetProperty("digest").GetString()!)).RootElement;
        var digests = manifest.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()!).ToList();
        return new ImageArchive("oci", manifest, config.GetProperty("config").Clone(), digests, [.. digests.Select(d => LayerPaths(Blob(files, d)))]);
    }

    private static ImageArchive ReadDocker(Dictionary<string, byte[]> files)
    {
        using var manifests = JsonDocument.Parse(files["manifest.json"]);
        var entry = manifests.RootElement[0];
        var config = JsonDocument.Parse(files[entry.GetProperty(nameof(Config)).GetString()!]).RootElement;
        var layers = entry.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()!).ToList();
        return new ImageArchive("docker", default, config.GetProperty("config").Clone(), layers, [.. layers.Select(l => LayerPaths(files[l]))]);
    }

    private static byte[] Blob(Dictionary<string, byte[]> files, string digest) => files["blobs/" + digest.Replace(':', '/')];

    private static HashSet<string> LayerPaths(byte[] layer) => [.. ReadTar(layer).Keys];

    private static Dictionary<string, byte[]> ReadTar(byte[] content)
    {
        using Stream input = content is [0x1f, 0x8b, ..]
            ? new GZipStream(new MemoryStream(content), CompressionMode.Decompress)
            : new MemoryStream(content);
        using var reader = new TarReader(input);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (reader.GetNextEntry() is { } entry)
        {
            var name = (entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name).TrimStart('/');
            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            files[name] = data.ToArray();
        }

        return files;
    }
}
