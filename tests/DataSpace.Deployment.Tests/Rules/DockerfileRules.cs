using DataSpace.Deployment.Tests.Compose;
using DataSpace.Deployment.Tests.Docker;

namespace DataSpace.Deployment.Tests.Rules;

/// <summary>
/// Checks of each built service's Dockerfile: multi-stage (SDK build, ASP.NET runtime), ends as a
/// non-root user, copies only files that exist and that .dockerignore lets into the context,
/// publishes a project that exists, exposes and health-checks the port the service listens on.
/// </summary>
internal static class DockerfileRules
{
    private const string SdkImage = "mcr.microsoft.com/dotnet/sdk";

    private static readonly string[] RuntimeImages = ["mcr.microsoft.com/dotnet/aspnet", "mcr.microsoft.com/dotnet/runtime", "mcr.microsoft.com/dotnet/runtime-deps"];

    public static IEnumerable<string> All(Deployment deployment)
    {
        foreach (var service in deployment.Services)
        {
            if (deployment.DockerfileOf(service) is not { } dockerfile)
            {
                continue;
            }
            var at = $"service '{service.Name}': {dockerfile.Path}";
            foreach (var problem in Stages(dockerfile))
            {
                yield return $"{at}: {problem}";
            }
            foreach (var problem in Files(deployment, service, dockerfile))
            {
                yield return $"{at}: {problem}";
            }
            foreach (var problem in Network(deployment, service, dockerfile))
            {
                yield return $"{at}: {problem}";
            }
        }
    }

    private static IEnumerable<string> Stages(Dockerfile dockerfile)
    {
        if (dockerfile.Stages.Count < 2)
        {
            yield return $"has {dockerfile.Stages.Count} stage(s); it must be multi-stage (build in {SdkImage}, run in {RuntimeImages[0]}).";
            yield break;
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in dockerfile.Stages)
        {
            if (!names.Contains(stage.BaseImage) && Deployment.ImageTag(stage.BaseImage) is null or "latest" && !stage.BaseImage.Contains('@', StringComparison.Ordinal))
            {
                yield return $"line {stage.Line}: FROM {stage.BaseImage} is not pinned to a version tag.";
            }
            foreach (var copy in stage.All("COPY").Concat(stage.All("ADD")))
            {
                if (copy.Flags().TryGetValue("from", out var from) && !names.Contains(from)
                    && !(int.TryParse(from, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < stage.Index)
                    && !from.Contains('/', StringComparison.Ordinal))
                {
                    yield return $"line {copy.Line}: COPY --from={from} names no earlier stage.";
                }
            }
            if (stage.Name is { } name)
            {
                names.Add(name);
            }
        }
        if (Deployment.ImageName(dockerfile.Stages[0].BaseImage) != SdkImage)
        {
            yield return $"line {dockerfile.Stages[0].Line}: the build stage starts FROM {dockerfile.Stages[0].BaseImage}, not the .NET SDK ({SdkImage}).";
        }
        var final = dockerfile.Final;
        if (!RuntimeImages.Contains(Deployment.ImageName(final.BaseImage)))
        {
            yield return $"line {final.Line}: the final stage runs FROM {final.BaseImage}, not a .NET runtime image ({string.Join(", ", RuntimeImages)}).";
        }
        if (!final.All("COPY").Any(c => c.Flags().ContainsKey("from")))
        {
            yield return "the final stage copies nothing from the build stage (COPY --from=…).";
        }
        var user = final.Last("USER");
        if (user is null)
        {
            yield return $"the final stage has no USER, so it runs as root; end with USER $APP_UID (the non-root 'app' user of the .NET images).";
        }
        else if (IsRoot(user.Arguments))
        {
            yield return $"line {user.Line}: USER {user.Arguments} runs as root; end with USER $APP_UID.";
        }
        if (final.Last("ENTRYPOINT") is null && final.Last("CMD") is null)
        {
            yield return "the final stage has neither ENTRYPOINT nor CMD.";
        }
    }

    private static IEnumerable<string> Files(Deployment deployment, ComposeService service, Dockerfile dockerfile)
    {
        var context = deployment.ContextOf(service)!;
        var ignore = deployment.IgnoreOf(service);
        foreach (var stage in dockerfile.Stages)
        {
            foreach (var copy in stage.All("COPY").Concat(stage.All("ADD")).Where(c => !c.Flags().ContainsKey("from")))
            {
                var operands = copy.Operands();
                foreach (var source in operands.Take(operands.Count - 1))
                {
                    if (source.Contains('*', StringComparison.Ordinal) || source.Contains("://", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    var relative = source.TrimStart('/').TrimEnd('/');
                    if (!Path.Exists(Path.Combine(context, relative)))
                    {
                        yield return $"line {copy.Line}: {copy.Keyword} {source}: no such file in the build context '{service.BuildContext}'.";
                    }
                    else if (relative.Length > 0 && ignore.Excludes(relative))
                    {
                        yield return $"line {copy.Line}: {copy.Keyword} {source}: .dockerignore leaves it out of the build context.";
                    }
                    else if (Directory.Exists(Path.Combine(context, relative))
                        && !Directory.EnumerateFiles(Path.Combine(context, relative), "*", SearchOption.AllDirectories)
                            .Any(f => !ignore.Excludes(Path.GetRelativePath(context, f).Replace('\\', '/'))))
                    {
                        yield return $"line {copy.Line}: {copy.Keyword} {source}: .dockerignore leaves every file of it out of the build context.";
                    }
                }
            }
            foreach (var run in stage.All("RUN"))
            {
                var words = Instruction.Words(run.Arguments);
                for (var i = 0; i + 2 < words.Count; i++)
                {
                    if (words[i] == "dotnet" && words[i + 1] == "publish" && words[i + 2].EndsWith("proj", StringComparison.Ordinal))
                    {
                        var project = words[i + 2];
                        if (!File.Exists(Path.Combine(context, project)))
                        {
                            yield return $"line {run.Line}: dotnet publish {project}: no such project in the build context.";
                        }
                        else if (ignore.Excludes(project))
                        {
                            yield return $"line {run.Line}: dotnet publish {project}: .dockerignore leaves it out of the build context.";
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Network(Deployment deployment, ComposeService service, Dockerfile dockerfile)
    {
        if (deployment.RoleOf(service) is not (Role.Broker or Role.Connector))
        {
            yield break;
        }
        var (listening, _) = deployment.ListeningPorts(service);
        var exposed = dockerfile.Final.All("EXPOSE").SelectMany(e => Instruction.Words(e.Arguments))
            .Select(p => int.TryParse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : -1).ToHashSet();
        foreach (var port in listening.Where(p => !exposed.Contains(p)))
        {
            yield return $"the service listens on port {port}, which the final stage does not EXPOSE.";
        }
        var healthcheck = dockerfile.Final.Last("HEALTHCHECK");
        if (healthcheck is null)
        {
            yield return "the final stage has no HEALTHCHECK (GET /healthz).";
            yield break;
        }
        var url = Instruction.Words(healthcheck.Arguments.Replace("[", " ", StringComparison.Ordinal).Replace("]", " ", StringComparison.Ordinal).Replace(",", " ", StringComparison.Ordinal))
            .Select(w => Uri.TryCreate(w, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : null)
            .FirstOrDefault(u => u is not null);
        if (url is null)
        {
            yield return $"line {healthcheck.Line}: the HEALTHCHECK calls no http URL.";
        }
        else if (!url.IsLoopback || !listening.Contains(url.Port) || url.AbsolutePath != "/healthz")
        {
            yield return $"line {healthcheck.Line}: the HEALTHCHECK calls {url}; it must be http://127.0.0.1:<listening port>/healthz (the service listens on port {string.Join(", ", listening)}).";
        }
    }

    private static bool IsRoot(string user)
    {
        var name = user.Trim().Split(':')[0];
        return name is "root" or "0" or "";
    }
}
