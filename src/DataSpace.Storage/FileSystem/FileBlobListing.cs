namespace DataSpace.Storage.FileSystem;

/// <summary>
/// The keys under a store root that start with a prefix, in <see cref="KeyOrder"/>, read lazily one
/// directory at a time.
/// </summary>
internal static class FileBlobListing
{
    public static IEnumerable<string> Keys(FileBlobLayout layout, string prefix)
    {
        // Start in the deepest directory the prefix names in full; its last, partial segment filters the
        // names found there.
        var cut = prefix.LastIndexOf('/');
        return cut < 0 ? Below(layout, "", prefix) : Below(layout, prefix[..cut], prefix[(cut + 1)..]);
    }

    private static IEnumerable<string> Below(FileBlobLayout layout, string parentKey, string namePrefix)
    {
        var directory = parentKey.Length == 0 ? layout.Root : layout.DirectoryOf(parentKey);
        // Each child directory stands for its own key ("b") and for the keys below it ("b/…"). Sorting the
        // two as strings puts every key in order, though '/' is not the smallest character:
        // "b" < "b-x" < "b-x/…" < "b/…".
        var items = ChildNames(directory)
            .Where(name => name.StartsWith(namePrefix, StringComparison.Ordinal))
            .SelectMany(name => new[] { name, name + "/" })
            .Order(KeyOrder.Instance);
        foreach (var item in items)
        {
            if (item.EndsWith('/'))
            {
                foreach (var key in Below(layout, Join(parentKey, item[..^1]), ""))
                {
                    yield return key;
                }
            }
            else if (File.Exists(FileBlobLayout.BlobFile(Path.Join(directory, item))))
            {
                yield return Join(parentKey, item);
            }
        }
    }

    private static string[] ChildNames(string directory)
    {
        try
        {
            return [.. new DirectoryInfo(directory).EnumerateDirectories()
                .Select(child => child.Name)
                .Where(name => !name.StartsWith('.'))];
        }
        catch (DirectoryNotFoundException)
        {
            return []; // removed by a concurrent delete while we walked
        }
    }

    private static string Join(string parentKey, string name) => parentKey.Length == 0 ? name : parentKey + "/" + name;
}
