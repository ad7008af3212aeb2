namespace DataSpace.Testing;

/// <summary>
/// Finds the repository root and the shared conformance vectors (<c>../shared/conformance</c>
/// beside the repository), which tests read in place and never copy.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder that holds <c>DataSpace.sln</c>.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The shared conformance folder, <c>../shared/conformance</c> from the repository root.</summary>
    public static string Conformance => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "conformance"));

    /// <summary>A path inside the conformance folder; fails loudly when the vectors are missing.</summary>
    public static string ConformanceFile(params string[] parts)
    {
        var path = Path.Combine([Conformance, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"Conformance data not found at {path}: the shared folder must sit beside the repository.", path);
        }
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DataSpace.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No DataSpace.sln above {AppContext.BaseDirectory}.");
    }
}
