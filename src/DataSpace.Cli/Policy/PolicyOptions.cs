using System.CommandLine;

namespace DataSpace.Cli.Policy;

/// <summary>Options the policy commands share.</summary>
internal static class PolicyOptions
{
    public static Option<bool> V0Compatible() => new("--v0-compatible")
    {
        Description = "Read modules as Rego v0 (bodies without 'if', p[x] { … } partial sets) unless a bundle manifest's rego_version says otherwise.",
    };
}
