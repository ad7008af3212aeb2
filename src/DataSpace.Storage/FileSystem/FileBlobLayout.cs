namespace DataSpace.Storage.FileSystem;

/// <summary>
/// Where a key lives under the store root: one directory per key, named by its segments, holding the
/// blob file <c>.blob</c>. A directory per key, not a file per key, so that <c>a/b</c> and <c>a/b/c</c>
/// can both be blobs, as in Azure; names starting with <c>.</c> can never be key segments, so the
/// store's own files never collide with a key.
/// </summary>
internal sealed class FileBlobLayout(string root)
{
    public const string BlobFileName = ".blob";

    /// <summary>The full path of the store root.</summary>
    public string Root { get; } = root;

    /// <summary>The directory of a valid key.</summary>
    /// <exception cref="ArgumentException">The path would leave the root (impossible for a key
    /// <see cref="BlobKey"/> accepted; checked again so that no later change can open a traversal).</exception>
    public string DirectoryOf(string key)
    {
        var directory = Path.GetFullPath(Path.Join(Root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!directory.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The blob key '{key}' leads outside the store root.", nameof(key));
        }
        return directory;
    }

    /// <summary>The blob file in a key's directory.</summary>
    public static string BlobFile(string directory) => Path.Join(directory, BlobFileName);

    /// <summary>Whether <paramref name="directory"/> is the root itself.</summary>
    public bool IsRoot(string directory) =>
        string.Equals(Path.TrimEndingDirectorySeparator(directory), Path.TrimEndingDirectorySeparator(Root), StringComparison.Ordinal);
}
