using System.Globalization;
using YamlDotNet.RepresentationModel;
using static DataSpace.Deployment.Tests.Compose.ComposeFile;

namespace DataSpace.Deployment.Tests.Compose;

/// <summary>One service of the compose file, with the parts the checks read.</summary>
internal sealed class ComposeService
{
    public required string Name { get; init; }

    public string? Image { get; set; }

    /// <summary>The build context, relative to the compose file; null without <c>build</c>.</summary>
    public string? BuildContext { get; set; }

    /// <summary>The Dockerfile, relative to the build context (Compose's default: <c>Dockerfile</c>).</summary>
    public string? Dockerfile { get; set; }

    /// <summary>Environment variables; a null value means "taken from the host's environment".</summary>
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public List<Mount> Volumes { get; } = [];

    public List<PortMapping> Ports { get; } = [];

    /// <summary>Services this one waits for, with the condition (Compose's default: <c>service_started</c>).</summary>
    public Dictionary<string, string> DependsOn { get; } = new(StringComparer.Ordinal);

    public List<string> Command { get; } = [];

    /// <summary>The healthcheck's test in the compose file, if any (e.g. <c>CMD curl …</c>; <c>NONE</c> disables).</summary>
    public List<string>? Healthcheck { get; set; }

    public bool HealthcheckDisabled { get; set; }

    public string? Restart { get; set; }

    public static ComposeService Parse(string name, YamlMappingNode node)
    {
        var service = new ComposeService { Name = name, Image = ValueOf(Child(node, "image")), Restart = ValueOf(Child(node, "restart")) };
        switch (Child(node, "build"))
        {
            case YamlScalarNode context:
                service.BuildContext = context.Value;
                service.Dockerfile = "Dockerfile";
                break;
            case YamlMappingNode build:
                service.BuildContext = ValueOf(Child(build, "context")) ?? ".";
                service.Dockerfile = ValueOf(Child(build, "dockerfile")) ?? "Dockerfile";
                break;
        }
        switch (Child(node, "environment"))
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    // A bare "KEY:" (YAML null) takes the value from the host's environment.
                    service.Environment[ValueOf(key)!] = value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" }
                        ? null
                        : ValueOf(value);
                }
                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children.Select(ValueOf))
                {
                    var split = item!.Split('=', 2);
                    service.Environment[split[0]] = split.Length == 2 ? split[1] : null;
                }
                break;
        }
        if (Child(node, "volumes") is YamlSequenceNode volumes)
        {
            service.Volumes.AddRange(volumes.Children.Select(Mount.Parse));
        }
        if (Child(node, "ports") is YamlSequenceNode ports)
        {
            service.Ports.AddRange(ports.Children.Select(PortMapping.Parse));
        }
        switch (Child(node, "depends_on"))
        {
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    service.DependsOn[ValueOf(item)!] = "service_started";
                }
                break;
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    service.DependsOn[ValueOf(key)!] = value is YamlMappingNode details
                        ? ValueOf(Child(details, "condition")) ?? "service_started"
                        : "service_started";
                }
                break;
        }
        service.Command.AddRange(Words(Child(node, "command")));
        if (Child(node, "healthcheck") is YamlMappingNode health)
        {
            service.HealthcheckDisabled = ValueOf(Child(health, "disable")) is "true";
            service.Healthcheck = [.. Words(Child(health, "test"))];
            if (service.Healthcheck is ["NONE", ..])
            {
                service.HealthcheckDisabled = true;
            }
        }
        return service;
    }

    /// <summary>The mount whose target holds <paramref name="containerPath"/> (the deepest one), if any.</summary>
    public Mount? MountOf(string containerPath) =>
        Volumes.Where(m => Contains(m.Target, containerPath)).OrderByDescending(m => m.Target.Length).FirstOrDefault();

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it (container paths, '/').</summary>
    public static bool Contains(string directory, string path)
    {
        var dir = directory.TrimEnd('/');
        return path == dir || path.StartsWith(dir + "/", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Words(YamlNode? node) => node switch
    {
        null => [],
        YamlSequenceNode list => list.Children.Select(c => ValueOf(c)!),
        YamlScalarNode text => (text.Value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => throw new FormatException($"expected a command at {node.Start}."),
    };
}

/// <summary>A volume or bind mount.</summary>
/// <param name="Kind"><c>volume</c> (named or anonymous) or <c>bind</c>.</param>
/// <param name="Source">The volume name or the host path as written; null for an anonymous volume.</param>
/// <param name="Target">The path in the container.</param>
/// <param name="ReadOnly">Mounted read-only.</param>
internal sealed record Mount(string Kind, string? Source, string Target, bool ReadOnly)
{
    public bool IsNamedVolume => Kind == "volume" && Source is not null;

    public bool IsBind => Kind == "bind";

    public static Mount Parse(YamlNode node)
    {
        if (node is YamlMappingNode map)
        {
            var source = ValueOf(Child(map, "source"));
            return new Mount(ValueOf(Child(map, "type")) ?? "volume", source, ValueOf(Child(map, "target"))!, ValueOf(Child(map, "read_only")) is "true");
        }
        var parts = ValueOf(node)!.Split(':');
        return parts.Length switch
        {
            1 => new Mount("volume", null, parts[0], false),
            _ => new Mount(IsHostPath(parts[0]) ? "bind" : "volume", parts[0], parts[1],
                parts.Length > 2 && parts[2].Split(',').Contains("ro")),
        };
    }

    private static bool IsHostPath(string source) => source.StartsWith('.') || source.StartsWith('/') || source.StartsWith('~');

    public override string ToString() => $"{Source}:{Target}{(ReadOnly ? ":ro" : string.Empty)}";
}

/// <summary>A published port.</summary>
/// <param name="HostIp">The host address it binds; null for every address.</param>
/// <param name="HostPort">The host port; null for one Docker picks.</param>
/// <param name="ContainerPort">The container port.</param>
/// <param name="Text">As written.</param>
internal sealed record PortMapping(string? HostIp, int? HostPort, int ContainerPort, string Text)
{
    public static PortMapping Parse(YamlNode node)
    {
        if (node is YamlMappingNode map)
        {
            var published = ValueOf(Child(map, "published"));
            return new PortMapping(ValueOf(Child(map, "host_ip")), published is null ? null : int.Parse(published, CultureInfo.InvariantCulture),
                int.Parse(ValueOf(Child(map, "target"))!, CultureInfo.InvariantCulture), $"target {ValueOf(Child(map, "target"))}");
        }
        var text = ValueOf(node)!;
        var parts = text.Split('/')[0].Split(':');
        return parts.Length switch
        {
            1 => new PortMapping(null, null, Number(parts[0], text), text),
            2 => new PortMapping(null, Number(parts[0], text), Number(parts[1], text), text),
            3 => new PortMapping(parts[0], Number(parts[1], text), Number(parts[2], text), text),
            _ => throw new FormatException($"cannot read the port mapping \"{text}\"."),
        };
    }

    private static int Number(string value, string text) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new FormatException($"the port mapping \"{text}\" is not host:container with single ports.");
}
