using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataSpace.Deployment.Tests.Compose;

/// <summary>
/// docker-compose.yml as Compose reads it: YAML merge keys (<c>&lt;&lt;: *anchor</c>) resolved, top-level
/// <c>x-</c> extension fields ignored, the short and long syntaxes of environment, volumes, ports and
/// depends_on read into one form. Mutable, so tests can break a copy and see the checks fail.
/// </summary>
internal sealed class ComposeFile
{
    public ComposeFile(string directory, Dictionary<string, ComposeService> services, HashSet<string> declaredVolumes)
    {
        Directory = directory;
        Services = services;
        DeclaredVolumes = declaredVolumes;
    }

    /// <summary>The folder of the compose file: relative paths (build contexts, bind mounts) start here.</summary>
    public string Directory { get; }

    public Dictionary<string, ComposeService> Services { get; }

    /// <summary>The names under the top-level <c>volumes:</c>.</summary>
    public HashSet<string> DeclaredVolumes { get; }

    public static ComposeFile Load(string path) =>
        Parse(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path))!);

    public static ComposeFile Parse(string yaml, string directory)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(new MergingParser(new Parser(reader)));
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException("docker-compose.yml must be one YAML mapping.");
        }
        var services = new Dictionary<string, ComposeService>(StringComparer.Ordinal);
        if (Child(root, "services") is YamlMappingNode serviceNodes)
        {
            foreach (var (key, value) in serviceNodes.Children)
            {
                var name = ValueOf(key)!;
                services[name] = ComposeService.Parse(name, value as YamlMappingNode
                    ?? throw new FormatException($"service '{name}' is not a mapping."));
            }
        }
        var volumes = new HashSet<string>(StringComparer.Ordinal);
        if (Child(root, "volumes") is YamlMappingNode volumeNodes)
        {
            foreach (var key in volumeNodes.Children.Keys)
            {
                volumes.Add(ValueOf(key)!);
            }
        }
        return new ComposeFile(directory, services, volumes);
    }

    /// <summary>The absolute host path of a path written relative to the compose file.</summary>
    public string HostPath(string path) =>
        Path.GetFullPath(path.StartsWith('~') ? path : Path.Combine(Directory, path));

    internal static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    internal static string? ValueOf(YamlNode? node) => node switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value,
        _ => throw new FormatException($"expected a single value at {node.Start}, found a {node.NodeType}."),
    };
}
