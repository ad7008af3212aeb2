using DataSpace.Deployment.Tests.Compose;
using DataSpace.Deployment.Tests.Docker;
using DataSpace.Testing;

namespace DataSpace.Deployment.Tests;

/// <summary>What a service of the compose file is, which says which configuration it reads.</summary>
internal enum Role
{
    /// <summary>Not recognised: the checks cannot tell what it reads.</summary>
    Unknown,

    /// <summary>Built from docker/broker/Dockerfile: reads Broker__….</summary>
    Broker,

    /// <summary>Built from docker/connector/Dockerfile: reads Connector__… and runs docker/connector/entrypoint.sh.</summary>
    Connector,

    /// <summary>Built from docker/onboard/Dockerfile: runs docker/onboard/onboard.sh once.</summary>
    Onboard,

    /// <summary>The official OPA image.</summary>
    Opa,

    /// <summary>The Azurite image.</summary>
    Azurite,
}

/// <summary>
/// The deployment as files: the compose file, each service's Dockerfile and the build context's
/// .dockerignore, loaded from the repository; a test may replace any part with a broken copy.
/// </summary>
internal sealed class Deployment
{
    public const string ComposeFileName = "docker-compose.yml";

    public const string OpaImage = "openpolicyagent/opa";

    public const string AzuriteImage = "mcr.microsoft.com/azure-storage/azurite";

    private Deployment(ComposeFile compose, Dictionary<string, Dockerfile> dockerfiles, Dictionary<string, DockerIgnore> ignores)
    {
        Compose = compose;
        Dockerfiles = dockerfiles;
        Ignores = ignores;
    }

    public ComposeFile Compose { get; }

    /// <summary>Dockerfiles by the absolute path of the file.</summary>
    public Dictionary<string, Dockerfile> Dockerfiles { get; }

    /// <summary>The .dockerignore of each build context, by the context's absolute path.</summary>
    public Dictionary<string, DockerIgnore> Ignores { get; }

    public string Root => Compose.Directory;

    public IEnumerable<ComposeService> Services => Compose.Services.Values;

    /// <summary>The repository's deployment files as they are.</summary>
    public static Deployment Load() => FromCompose(ComposeFile.Load(Path.Combine(RepositoryPaths.RepositoryRoot, ComposeFileName)));

    /// <summary>The Dockerfiles and .dockerignore files that <paramref name="compose"/> names, read from disk.</summary>
    public static Deployment FromCompose(ComposeFile compose)
    {
        var dockerfiles = new Dictionary<string, Dockerfile>(StringComparer.Ordinal);
        var ignores = new Dictionary<string, DockerIgnore>(StringComparer.Ordinal);
        foreach (var service in compose.Services.Values.Where(s => s.BuildContext is not null))
        {
            var context = compose.HostPath(service.BuildContext!);
            ignores.TryAdd(context, DockerIgnore.Load(context));
            var path = Path.GetFullPath(Path.Combine(context, service.Dockerfile!));
            if (File.Exists(path) && !dockerfiles.ContainsKey(path))
            {
                dockerfiles[path] = Dockerfile.Parse(service.Dockerfile!, File.ReadAllText(path));
            }
        }
        return new Deployment(compose, dockerfiles, ignores);
    }

    /// <summary>The service's build context on the host, if it is built.</summary>
    public string? ContextOf(ComposeService service) =>
        service.BuildContext is null ? null : Compose.HostPath(service.BuildContext);

    /// <summary>The service's Dockerfile, if it is built and the file exists.</summary>
    public Dockerfile? DockerfileOf(ComposeService service) =>
        service.BuildContext is null ? null
            : Dockerfiles.GetValueOrDefault(Path.GetFullPath(Path.Combine(ContextOf(service)!, service.Dockerfile!)));

    public DockerIgnore IgnoreOf(ComposeService service) =>
        ContextOf(service) is { } context ? Ignores.GetValueOrDefault(context) ?? DockerIgnore.None : DockerIgnore.None;

    public Role RoleOf(ComposeService service)
    {
        if (service.BuildContext is not null)
        {
            var dockerfile = Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(ContextOf(service)!, service.Dockerfile!))).Replace('\\', '/');
            return dockerfile switch
            {
                "docker/broker/Dockerfile" => Role.Broker,
                "docker/connector/Dockerfile" => Role.Connector,
                "docker/onboard/Dockerfile" => Role.Onboard,
                _ => Role.Unknown,
            };
        }
        var image = ImageName(service.Image ?? string.Empty);
        return image switch
        {
            OpaImage => Role.Opa,
            AzuriteImage => Role.Azurite,
            _ => Role.Unknown,
        };
    }

    public IEnumerable<ComposeService> WithRole(Role role) => Services.Where(s => RoleOf(s) == role);

    /// <summary>The image reference without its tag or digest.</summary>
    public static string ImageName(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? image : image[..at];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }

    /// <summary>The tag of an image reference, or null.</summary>
    public static string? ImageTag(string image)
    {
        var name = image.Split('@')[0];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[(colon + 1)..] : null;
    }

    /// <summary>The environment a service's process sees: the Dockerfile's final ENV, then the compose file's.</summary>
    public Dictionary<string, string?> EffectiveEnvironment(ComposeService service)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (DockerfileOf(service) is { } dockerfile)
        {
            foreach (var (key, value) in dockerfile.Final.Environment())
            {
                environment[key] = value;
            }
        }
        foreach (var (key, value) in service.Environment)
        {
            environment[key] = value;
        }
        return environment;
    }

    /// <summary>The TCP ports the service listens on inside its container, with a problem when that cannot be told or is wrong.</summary>
    public (IReadOnlySet<int> Ports, string? Problem) ListeningPorts(ComposeService service)
    {
        switch (RoleOf(service))
        {
            case Role.Broker or Role.Connector:
                return AspNetCorePorts(EffectiveEnvironment(service));
            case Role.Onboard:
                return (new HashSet<int>(), null);
            case Role.Opa:
            {
                // `opa run --server` listens on --addr (default localhost:8181).
                var address = Option(service.Command, "--addr", "-a") ?? "localhost:8181";
                var colon = address.LastIndexOf(':');
                var host = colon < 0 ? string.Empty : address[..colon];
                var port = colon < 0 ? null : ParsePort(address[(colon + 1)..]);
                if (port is null)
                {
                    return (new HashSet<int>(), $"its --addr \"{address}\" has no port");
                }
                return (new HashSet<int> { port.Value }, host is "" or "0.0.0.0" or "[::]" ? null
                    : $"its --addr \"{address}\" listens on {host} only, which other containers cannot reach (use :{port} or 0.0.0.0:{port})");
            }
            case Role.Azurite:
            {
                var port = ParsePort(Option(service.Command, "--blobPort") ?? "10000");
                var host = Option(service.Command, "--blobHost") ?? "127.0.0.1";
                if (port is null)
                {
                    return (new HashSet<int>(), "its --blobPort is not a port");
                }
                return (new HashSet<int> { port.Value }, host is "0.0.0.0" ? null
                    : $"its blob service listens on --blobHost {host}, which other containers cannot reach (use --blobHost 0.0.0.0)");
            }
            default:
                return (new HashSet<int>(), null);
        }
    }

    /// <summary>The value of a command-line option (<c>--name value</c> or <c>--name=value</c>).</summary>
    public static string? Option(IReadOnlyList<string> command, params string[] names)
    {
        for (var i = 0; i < command.Count; i++)
        {
            foreach (var name in names)
            {
                if (command[i] == name && i + 1 < command.Count)
                {
                    return command[i + 1];
                }
                if (command[i].StartsWith(name + "=", StringComparison.Ordinal))
                {
                    return command[i][(name.Length + 1)..];
                }
            }
        }
        return null;
    }

    private static (IReadOnlySet<int>, string?) AspNetCorePorts(Dictionary<string, string?> environment)
    {
        // Kestrel: ASPNETCORE_URLS wins over ASPNETCORE_HTTP_PORTS; the aspnet images set ASPNETCORE_HTTP_PORTS=8080.
        if (environment.GetValueOrDefault("ASPNETCORE_URLS") is { Length: > 0 } urls)
        {
            var ports = new HashSet<int>();
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var authority = url.Split("://", 2)[^1].TrimEnd('/');
                var colon = authority.LastIndexOf(':');
                if (colon < 0 || ParsePort(authority[(colon + 1)..]) is not { } port)
                {
                    return (ports, $"ASPNETCORE_URLS \"{url}\" has no port");
                }
                var host = authority[..colon];
                if (host is "localhost" or "127.0.0.1" or "[::1]")
                {
                    return (ports, $"ASPNETCORE_URLS \"{url}\" listens on the loopback address only, which other containers cannot reach");
                }
                ports.Add(port);
            }
            return (ports, null);
        }
        var http = environment.GetValueOrDefault("ASPNETCORE_HTTP_PORTS") ?? "8080";
        var list = new HashSet<int>();
        foreach (var text in http.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ParsePort(text) is not { } port)
            {
                return (list, $"ASPNETCORE_HTTP_PORTS \"{http}\" is not a list of ports");
            }
            list.Add(port);
        }
        return (list, null);
    }

    private static int? ParsePort(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : null;
}
