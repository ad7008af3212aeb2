namespace DataSpace.Policy;

/// <summary>A file of a policy bundle: its normalised name and its bytes as stored.</summary>
/// <param name="Name">Path inside the bundle, <c>/</c>-separated, without a leading <c>/</c> or <c>./</c> (e.g. <c>dataspace/transfer.rego</c>).</param>
/// <param name="Content">The raw bytes; no line-ending or encoding normalisation.</param>
public sealed record BundleFile(string Name, ReadOnlyMemory<byte> Content)
{
    /// <summary>Normalises a path from a directory walk or a tar entry to the form <see cref="Name"/> has.</summary>
    internal static string NormalizeName(string path)
    {
        var name = path.Replace('\\', '/');
        while (name.StartsWith("./", StringComparison.Ordinal))
        {
            name = name[2..];
        }
        return name.TrimStart('/');
    }
}
