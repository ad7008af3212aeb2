namespace DataSpace.Deployment.Tests.Rules;

/// <summary>Every check of the deployment, by name; each returns its problems, one sentence each.</summary>
internal static class Checks
{
    public static IReadOnlyDictionary<string, Func<Deployment, IEnumerable<string>>> ByName { get; } =
        new Dictionary<string, Func<Deployment, IEnumerable<string>>>(StringComparer.Ordinal)
        {
            ["images"] = ServiceRules.Images,
            ["dockerfiles"] = DockerfileRules.All,
            ["environment keys"] = ConfigurationRules.EnvironmentKeys,
            ["service options"] = ConfigurationRules.RealOptions,
            ["urls"] = ServiceRules.Urls,
            ["depends_on"] = ServiceRules.DependsOn,
            ["volumes"] = ServiceRules.Volumes,
            ["ports"] = ServiceRules.Ports,
            ["policies"] = SpaceRules.Policies,
            ["azure"] = SpaceRules.Azure,
            ["onboarding"] = SpaceRules.Onboarding,
        };

    /// <summary>Every problem of every check.</summary>
    public static List<string> All(Deployment deployment) =>
        [.. ByName.Values.SelectMany(check => check(deployment)).Distinct()];
}
