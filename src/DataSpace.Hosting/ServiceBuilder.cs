using Microsoft.AspNetCore.Builder;

namespace DataSpace.Hosting;

/// <summary>
/// Where every DataSpace service (broker, connector; as a command, in the demo or in tests) gets
/// its <see cref="WebApplicationBuilder"/>: the ASP.NET Core defaults, except that configuration
/// files are read once at start and never watched.
/// </summary>
/// <remarks>
/// The default watches <c>appsettings*.json</c> for changes through a watcher on the content root,
/// the current directory, and on Linux that watcher puts an inotify watch on every directory below
/// it. Started from a repository with its <c>node_modules</c> and build folders (7,000 directories),
/// a connector held 3–8 MiB more at its peak (148–153 against 143–145 MiB in the 1 GiB transfer
/// benchmark), and a large enough tree exhausts the user's inotify watches. Nothing in a service
/// reloads its settings, so nothing is lost.
/// </remarks>
public static class ServiceBuilder
{
    /// <summary>A builder with <paramref name="args"/> as command-line configuration, in <paramref name="environmentName"/> (the default: from the environment).</summary>
    public static WebApplicationBuilder Create(string[] args, string? environmentName = null) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
            EnvironmentName = environmentName,
        });
}
