using DataSpace.Deployment.Tests.Compose;

namespace DataSpace.Deployment.Tests.Rules;

/// <summary>
/// Checks of the compose file's structure: images and builds, depends_on, volumes, ports, and that
/// every URL from one service to another names a service and a port it listens on. Each problem is
/// one sentence that starts with the service and the key.
/// </summary>
internal static class ServiceRules
{
    private static readonly string[] Conditions = ["service_started", "service_healthy", "service_completed_successfully"];

    /// <summary>Every service has a pinned image or a build whose context and Dockerfile exist, and a role the checks know.</summary>
    public static IEnumerable<string> Images(Deployment deployment)
    {
        foreach (var service in deployment.Services)
        {
            if (service.Image is null && service.BuildContext is null)
            {
                yield return $"service '{service.Name}': has neither image nor build.";
                continue;
            }
            if (service.BuildContext is null && service.Image is { } image && Deployment.ImageTag(image) is null or "latest" && !image.Contains('@', StringComparison.Ordinal))
            {
                yield return $"service '{service.Name}': image: \"{image}\" is not pinned to a version tag.";
            }
            if (deployment.ContextOf(service) is { } context)
            {
                if (!Directory.Exists(context))
                {
                    yield return $"service '{service.Name}': build.context: {service.BuildContext} does not exist.";
                }
                else if (deployment.DockerfileOf(service) is null)
                {
                    yield return $"service '{service.Name}': build.dockerfile: {service.Dockerfile} does not exist in the build context {service.BuildContext}.";
                }
            }
            if (deployment.RoleOf(service) == Role.Unknown)
            {
                yield return $"service '{service.Name}': is neither built from docker/broker, docker/connector or docker/onboard nor the {Deployment.OpaImage} or {Deployment.AzuriteImage} image, so nothing says what configuration it reads.";
            }
        }
    }

    /// <summary>depends_on names other services, with a condition their definition can meet, and has no cycle.</summary>
    public static IEnumerable<string> DependsOn(Deployment deployment)
    {
        var services = deployment.Compose.Services;
        foreach (var service in deployment.Services)
        {
            foreach (var (target, condition) in service.DependsOn)
            {
                if (!services.TryGetValue(target, out var other))
                {
                    yield return $"service '{service.Name}': depends_on: {target} is not a service (services: {string.Join(", ", services.Keys)}).";
                    continue;
                }
                if (target == service.Name)
                {
                    yield return $"service '{service.Name}': depends_on: names itself.";
                }
                if (!Conditions.Contains(condition))
                {
                    yield return $"service '{service.Name}': depends_on: {target}: condition \"{condition}\" is not one of {string.Join(", ", Conditions)}.";
                }
                if (condition == "service_healthy" && !HasHealthcheck(deployment, other))
                {
                    yield return $"service '{service.Name}': depends_on: {target}: waits for it to be healthy, but {target} has no healthcheck (in the compose file or its Dockerfile).";
                }
                if (condition == "service_completed_successfully" && other.Restart is not (null or "no"))
                {
                    yield return $"service '{service.Name}': depends_on: {target}: waits for it to complete, but {target} restarts ({other.Restart}).";
                }
            }
        }
        foreach (var cycle in Cycles(services))
        {
            yield return $"service '{cycle[0]}': depends_on: cycle {string.Join(" -> ", cycle)}.";
        }
    }

    /// <summary>Every named volume a service mounts is declared, every declared one is mounted, and bind-mounted host paths exist.</summary>
    public static IEnumerable<string> Volumes(Deployment deployment)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in deployment.Services)
        {
            foreach (var mount in service.Volumes)
            {
                if (!mount.Target.StartsWith('/'))
                {
                    yield return $"service '{service.Name}': volumes: {mount}: the container path must be absolute.";
                }
                if (mount.IsNamedVolume)
                {
                    used.Add(mount.Source!);
                    if (!deployment.Compose.DeclaredVolumes.Contains(mount.Source!))
                    {
                        yield return $"service '{service.Name}': volumes: {mount.Source} is not declared under the top-level volumes:.";
                    }
                }
                else if (mount.IsBind && !Path.Exists(deployment.Compose.HostPath(mount.Source!)))
                {
                    yield return $"service '{service.Name}': volumes: {mount}: the host path {mount.Source} does not exist.";
                }
                else if (mount.Kind == "volume" && mount.Source is null)
                {
                    yield return $"service '{service.Name}': volumes: {mount.Target} is an anonymous volume, lost on `docker compose down`; name it.";
                }
            }
            var targets = service.Volumes.GroupBy(m => m.Target.TrimEnd('/')).Where(g => g.Count() > 1);
            foreach (var twice in targets)
            {
                yield return $"service '{service.Name}': volumes: two mounts at {twice.Key}.";
            }
        }
        foreach (var unused in deployment.Compose.DeclaredVolumes.Except(used))
        {
            yield return $"volume '{unused}': declared under volumes: but no service mounts it.";
        }
    }

    /// <summary>Published host ports are unique and each maps to a port the service listens on.</summary>
    public static IEnumerable<string> Ports(Deployment deployment)
    {
        var taken = new List<(string Service, PortMapping Port)>();
        foreach (var service in deployment.Services)
        {
            var (listening, problem) = deployment.ListeningPorts(service);
            if (problem is not null)
            {
                yield return $"service '{service.Name}': {problem}.";
            }
            foreach (var port in service.Ports)
            {
                if (!listening.Contains(port.ContainerPort))
                {
                    yield return $"service '{service.Name}': ports: \"{port.Text}\" publishes container port {port.ContainerPort}, but the service listens on {Describe(listening)}.";
                }
                if (port.HostPort is { } hostPort)
                {
                    foreach (var (other, otherPort) in taken.Where(t => t.Port.HostPort == hostPort && SameAddress(t.Port.HostIp, port.HostIp)))
                    {
                        yield return $"service '{service.Name}': ports: host port {hostPort} (\"{port.Text}\") is already published by service '{other}' (\"{otherPort.Text}\").";
                    }
                    taken.Add((service.Name, port));
                }
            }
        }
    }

    /// <summary>
    /// Every URL in a service's environment (plain http(s) values and the BlobEndpoint of connection
    /// strings) names another service, at a port it listens on, that the service depends on.
    /// </summary>
    public static IEnumerable<string> Urls(Deployment deployment)
    {
        foreach (var service in deployment.Services)
        {
            foreach (var (key, value) in service.Environment)
            {
                foreach (var url in UrlsIn(value))
                {
                    if (CheckUrl(deployment, service, key, url) is { } problem)
                    {
                        yield return problem;
                    }
                }
            }
        }
    }

    /// <summary>Null when <paramref name="url"/> names a service of the file at a port it listens on (and the service waits for it); else the problem.</summary>
    public static string? CheckUrl(Deployment deployment, ComposeService service, string key, Uri url)
    {
        if (url.IsLoopback)
        {
            return $"service '{service.Name}': {key}: {url} points at the container itself; other services are reached by their service name.";
        }
        if (!deployment.Compose.Services.TryGetValue(url.Host, out var target))
        {
            return $"service '{service.Name}': {key}: {url} names host '{url.Host}', which is not a service (services: {string.Join(", ", deployment.Compose.Services.Keys)}).";
        }
        var (listening, _) = deployment.ListeningPorts(target);
        if (!listening.Contains(url.Port))
        {
            return $"service '{service.Name}': {key}: {url} uses port {url.Port}, but service '{target.Name}' listens on {Describe(listening)}.";
        }
        if (target.Name != service.Name && !service.DependsOn.ContainsKey(target.Name))
        {
            return $"service '{service.Name}': {key}: {url} calls service '{target.Name}', which is not in its depends_on.";
        }
        return null;
    }

    /// <summary>The http(s) URLs in an environment value: the value itself, or the BlobEndpoint of a connection string.</summary>
    public static IEnumerable<Uri> UrlsIn(string? value)
    {
        if (value is null)
        {
            yield break;
        }
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            yield return url;
            yield break;
        }
        if (ConnectionString.Parse(value).GetValueOrDefault("BlobEndpoint") is { } endpoint
            && Uri.TryCreate(endpoint, UriKind.Absolute, out var blob))
        {
            yield return blob;
        }
    }

    public static bool HasHealthcheck(Deployment deployment, ComposeService service)
    {
        if (service.HealthcheckDisabled)
        {
            return false;
        }
        if (service.Healthcheck is { Count: > 0 })
        {
            return true;
        }
        return deployment.DockerfileOf(service)?.Final.Last("HEALTHCHECK") is { } check
            && !check.Arguments.Trim().Equals("NONE", StringComparison.OrdinalIgnoreCase);
    }

    private static string Describe(IReadOnlySet<int> ports) =>
        ports.Count == 0 ? "no port" : "port " + string.Join(", ", ports.Order());

    private static bool SameAddress(string? a, string? b) =>
        a is null or "0.0.0.0" or "" || b is null or "0.0.0.0" or "" || a == b;

    private static IEnumerable<List<string>> Cycles(Dictionary<string, ComposeService> services)
    {
        // Depth-first search; a service met again while still on the path closes a cycle.
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in services.Keys)
        {
            if (Visit(start) is { } cycle)
            {
                return [cycle];
            }
        }
        return [];

        List<string>? Visit(string name)
        {
            if (path.Contains(name))
            {
                return [.. path.SkipWhile(p => p != name), name];
            }
            if (finished.Contains(name) || !services.TryGetValue(name, out var service))
            {
                return null;
            }
            path.Add(name);
            foreach (var next in service.DependsOn.Keys)
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            finished.Add(name);
            return null;
        }
    }
}

/// <summary>Azure Storage connection strings: <c>key=value;…</c>, keys case-insensitive.</summary>
internal static class ConnectionString
{
    public static Dictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2)
            {
                values[pair[0]] = pair[1];
            }
        }
        return values;
    }
}
