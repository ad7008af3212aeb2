using System.Formats.Tar;
using System.IO.Compression;

namespace DataSpace.Policy;

/// <summary>Reads bundle files from a directory or a <c>.tar.gz</c> archive, within a size budget.</summary>
internal static class BundleReader
{
    public static bool IsBundleFile(string name) =>
        !name.Split('/').SkipLast(1).Any(folder => folder.StartsWith('.'))
        && (name == ".manifest" || name.EndsWith(".rego", StringComparison.Ordinal) || IsDataFile(name) || IsYamlData(name));

    public static bool IsDataFile(string name) => name == "data.json" || name.EndsWith("/data.json", StringComparison.Ordinal);

    private static bool IsYamlData(string name) =>
        Path.GetFileName(name) is "data.yaml" or "data.yml"
            ? throw new PolicyLoadException(PolicyProblem.BundleError, "YAML data files are not supported; convert it to data.json.", name)
            : false;

    public static List<BundleFile> ReadDirectory(string directory, PolicyBundleOptions options)
    {
        var files = new List<BundleFile>();
        long total = 0;
        try
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            {
                var name = BundleFile.NormalizeName(Path.GetRelativePath(directory, path));
                if (!IsBundleFile(name))
                {
                    continue;
                }
                var bytes = File.ReadAllBytes(path);
                total += bytes.Length;
                CheckBudget(total, options);
                files.Add(new BundleFile(name, bytes));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyLoadException(PolicyProblem.BundleError, $"cannot read {directory}: {e.Message}", inner: e);
        }
        return files;
    }

    public static List<BundleFile> ReadTarGz(Stream stream, PolicyBundleOptions options)
    {
        var files = new List<BundleFile>();
        long total = 0;
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    continue;
                }
                var name = BundleFile.NormalizeName(entry.Name);
                if (!IsBundleFile(name))
                {
                    continue;
                }
                total += entry.Length;
                CheckBudget(total, options);
                using var content = new MemoryStream((int)entry.Length);
                entry.DataStream.CopyTo(content);
                files.Add(new BundleFile(name, content.ToArray()));
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or IOException)
        {
            throw new PolicyLoadException(PolicyProblem.BundleError, $"the bundle is not a valid gzip-compressed tar archive: {e.Message}", inner: e);
        }
        return files;
    }

    private static void CheckBudget(long total, PolicyBundleOptions options)
    {
        if (total > options.MaxBytes)
        {
            throw new PolicyLoadException(PolicyProblem.BundleError, $"the bundle's files exceed {options.MaxBytes} bytes.");
        }
    }
}
