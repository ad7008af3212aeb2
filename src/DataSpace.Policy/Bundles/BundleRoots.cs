using System.Text.RegularExpressions;

namespace DataSpace.Policy;

/// <summary>Checks that every module's package lies under the manifest's roots, as OPA does on activation.</summary>
internal static partial class BundleRoots
{
    public static void Check(IReadOnlyDictionary<string, string> modules, BundleManifest manifest)
    {
        if (manifest.Roots.Any(r => r.Length == 0))
        {
            return;
        }
        foreach (var (file, source) in modules)
        {
            // A light scan is enough here: a module whose package line this misses fails to compile anyway.
            var match = PackageLine().Match(source);
            if (match.Success && !manifest.Owns(match.Groups[1].Value.Replace('.', '/')))
            {
                throw new PolicyLoadException(PolicyProblem.BundleError, $"package {match.Groups[1].Value} is outside the manifest's roots ({string.Join(", ", manifest.Roots)}).", file);
            }
        }
    }

    [GeneratedRegex(@"^\s*package\s+([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)", RegexOptions.Multiline)]
    private static partial Regex PackageLine();
}
