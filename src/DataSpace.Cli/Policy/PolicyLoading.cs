using DataSpace.Cli.Hosting;
using DataSpace.Policy;
using DataSpace.Rego;

namespace DataSpace.Cli.Policy;

/// <summary>Loads a policy directory or bundle for the CLI; every load or compile problem becomes exit code 3 with file:line:col.</summary>
internal static class PolicyLoading
{
    public static PolicyBundle LoadBundle(string path, bool v0Compatible)
    {
        try
        {
            return PolicyBundle.Load(path, new PolicyBundleOptions { DefaultRegoVersion = v0Compatible ? RegoVersion.V0 : RegoVersion.V1 });
        }
        catch (PolicyLoadException e)
        {
            throw Failure(path, e);
        }
    }

    public static EmbeddedPolicyEngine Compile(string path, PolicyBundle bundle)
    {
        try
        {
            return EmbeddedPolicyEngine.Create(bundle);
        }
        catch (PolicyLoadException e)
        {
            throw Failure(path, e);
        }
    }

    public static CliException Failure(string path, PolicyLoadException e)
    {
        var lines = e.Problems.Select(p => (p with { File = p.File is null ? null : Located(path, p.File) }).ToString());
        var count = e.Problems.Count == 1 ? "1 problem" : $"{e.Problems.Count} problems";
        return CliException.Input(
            $"cannot load policies from {path} ({count}):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", lines)}",
            "fix the file at the line shown; add --v0-compatible if the policies are written in Rego v0.",
            e);
    }

    // Files inside a directory are shown with the directory, so the path can be opened as printed.
    private static string Located(string path, string file) =>
        Directory.Exists(path) ? Path.Combine(path, file) : $"{path}:{file}";
}
