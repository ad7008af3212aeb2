using DataSpace.Broker.Hosting;
using DataSpace.Connector.Hosting;
using DataSpace.Deployment.Tests.Compose;
using DataSpace.Deployment.Tests.Options;
using Microsoft.Extensions.Configuration;

namespace DataSpace.Deployment.Tests.Rules;

/// <summary>
/// Checks the services' configuration against the real option classes: every <c>Broker__…</c> and
/// <c>Connector__…</c> variable names a property path of <see cref="BrokerOptions"/> or
/// <see cref="ConnectorOptions"/> (nested classes and the storage records included) with a value of
/// the right type; then binds the whole environment as the services do and asks the options' own
/// <c>Problems()</c>, with container paths that are bind mounts mapped to the host.
/// </summary>
internal static class ConfigurationRules
{
    public const string BrokerSection = "Broker";

    public const string ConnectorSection = "Connector";

    public static IEnumerable<string> EnvironmentKeys(Deployment deployment)
    {
        foreach (var service in deployment.Services)
        {
            var role = deployment.RoleOf(service);
            foreach (var (key, value) in deployment.EffectiveEnvironment(service))
            {
                var (section, type, owner) = key.StartsWith(BrokerSection + "__", StringComparison.OrdinalIgnoreCase) ? (BrokerSection, typeof(BrokerOptions), Role.Broker)
                    : key.StartsWith(ConnectorSection + "__", StringComparison.OrdinalIgnoreCase) ? (ConnectorSection, typeof(ConnectorOptions), Role.Connector)
                    : (null, null, Role.Unknown);
                if (section is null)
                {
                    continue;
                }
                if (role != owner)
                {
                    yield return $"service '{service.Name}': {key}: a {section} setting on a service that does not run the {section.ToLowerInvariant()} (it is {role}).";
                    continue;
                }
                if (OptionsSchema.Check(type!, section, key, value) is { } problem)
                {
                    yield return $"service '{service.Name}': {key}: {problem}.";
                }
                if (value is null)
                {
                    yield return $"service '{service.Name}': {key}: has no value (it would come from the host's environment).";
                }
            }
        }
    }

    /// <summary>What the services themselves would refuse at start: their options bound from this environment, then their Problems().</summary>
    public static IEnumerable<string> RealOptions(Deployment deployment)
    {
        var problems = new List<string>();
        foreach (var service in deployment.WithRole(Role.Broker))
        {
            if (Bind<BrokerOptions>(deployment, service, BrokerSection, problems) is not { } options)
            {
                continue;
            }
            options.Policy.Path = HostPathOf(deployment, service, options.Policy.Path) ?? options.Policy.Path;
            problems.AddRange(options.Problems().Select(p => $"service '{service.Name}': {p}"));
        }
        foreach (var service in deployment.WithRole(Role.Connector))
        {
            if (Bind<ConnectorOptions>(deployment, service, ConnectorSection, problems) is not { } options)
            {
                continue;
            }
            options.ApplyDefaults();
            options.Policy.Path = HostPathOf(deployment, service, options.Policy.Path) ?? options.Policy.Path;
            // The key file is created by the image's entrypoint in the keys volume: it cannot exist here.
            var keyFile = options.KeyFile;
            var temporaryKey = options.KeyFile.Length > 0 && service.MountOf(options.KeyFile) is { IsNamedVolume: true, ReadOnly: false } ? Path.GetTempFileName() : null;
            try
            {
                options.KeyFile = temporaryKey ?? options.KeyFile;
                problems.AddRange(options.Problems().Select(p => $"service '{service.Name}': {(temporaryKey is null ? p : p.Replace(temporaryKey, keyFile, StringComparison.Ordinal))}"));
            }
            finally
            {
                if (temporaryKey is not null)
                {
                    File.Delete(temporaryKey);
                }
            }
        }
        return problems;
    }

    /// <summary>The configuration section <paramref name="section"/> a service's environment gives, as the host builds it.</summary>
    public static IConfiguration ConfigurationOf(Deployment deployment, ComposeService service) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(deployment.EffectiveEnvironment(service)
                .Where(e => e.Value is not null)
                .Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build();

    /// <summary>The host path of a container path that lies in a bind mount, else null.</summary>
    public static string? HostPathOf(Deployment deployment, ComposeService service, string containerPath)
    {
        if (service.MountOf(containerPath) is not { IsBind: true } mount)
        {
            return null;
        }
        var rest = containerPath[mount.Target.TrimEnd('/').Length..].TrimStart('/');
        return Path.Combine(deployment.Compose.HostPath(mount.Source!), rest);
    }

    private static T? Bind<T>(Deployment deployment, ComposeService service, string section, List<string> problems)
        where T : class, new()
    {
        try
        {
            return ConfigurationOf(deployment, service).GetSection(section).Get<T>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new T();
        }
        catch (InvalidOperationException e)
        {
            problems.Add($"service '{service.Name}': the {section} settings do not bind to {typeof(T).Name}: {e.Message}{(e.InnerException is { } inner ? " " + inner.Message : string.Empty)}");
            return null;
        }
    }
}
