using System.Xml.Linq;
using EnergyActors.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// The deploy artifacts as data: YAML documents (anchors and merge keys resolved, as docker compose and kubectl read
/// them) walked by path, and the container settings the csprojs give the SDK.
/// </summary>
public static class DeployFiles
{
    public static string Kubernetes => Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes");

    public static string Compose => Path.Combine(RepositoryPaths.Root, "deploy", "compose");

    /// <summary>Every document of a YAML file, as dictionaries, lists and strings.</summary>
    public static IReadOnlyList<object> LoadYaml(string path)
    {
        using var reader = File.OpenText(path);
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        parser.Consume<StreamStart>();
        var documents = new List<object>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(deserializer.Deserialize(parser) ?? throw new InvalidOperationException($"{path}: an empty document"));
        }

        return documents;
    }

    /// <summary>The value at a dotted path ("spec.template.metadata.labels"), or null where a step is missing.</summary>
    public static object? At(object? node, string path)
    {
        foreach (var step in path.Split('.'))
        {
            node = node is Dictionary<object, object> map && map.TryGetValue(step, out var next) ? next : null;
        }

        return node;
    }

    public static string? Text(object? node, string path) => At(node, path) as string;

    public static Dictionary<object, object> Map(object? node, string path) =>
        At(node, path) as Dictionary<object, object> ?? throw new InvalidOperationException($"no mapping at {path}");

    public static List<object> List(object? node, string path) =>
        At(node, path) as List<object> ?? throw new InvalidOperationException($"no list at {path}");

    public static Dictionary<string, string> Strings(object? node, string path) =>
        Map(node, path).ToDictionary(kv => (string)kv.Key, kv => kv.Value as string ?? "");

    /// <summary>What a csproj (and the props it imports) tells the SDK about its image: repository, user, ports.</summary>
    public static ContainerSettings Container(string project)
    {
        var csproj = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", project, $"{project}.csproj"));
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "ContainerImage.props"));
        XElement[] all = [.. csproj.Descendants(), .. props.Descendants()];
        return new ContainerSettings(
            all.Single(e => e.Name.LocalName == "ContainerRepository").Value,
            all.Single(e => e.Name.LocalName == "ContainerUser").Value,
            [.. all.Where(e => e.Name.LocalName == "ContainerPort").Select(e => int.Parse(e.Attribute("Include")!.Value, System.Globalization.CultureInfo.InvariantCulture)).Order()]);
    }
}

public sealed record ContainerSettings(string Repository, string User, IReadOnlyList<int> Ports);
