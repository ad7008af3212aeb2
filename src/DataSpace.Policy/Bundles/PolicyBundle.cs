using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Rego;

namespace DataSpace.Policy;

/// <summary>
/// A set of policies as OPA bundles them: Rego modules, <c>data.json</c> documents and an optional
/// <c>.manifest</c>, from a directory or a <c>.tar.gz</c> bundle, with the digest that identifies
/// exactly these bytes (<see cref="BundleDigest"/>).
/// </summary>
/// <remarks>
/// Files that make up a bundle, as in OPA's bundle format: <c>.manifest</c> at the root, every
/// <c>*.rego</c>, and every <c>data.json</c> (its value is placed at the path of its folder). Other
/// files (READMEs, <c>.signatures.json</c>, anything under a folder whose name starts with <c>.</c>)
/// are not part of the bundle and not in its digest. <c>data.yaml</c> is refused rather than skipped,
/// so no data silently goes missing.
/// </remarks>
public sealed class PolicyBundle
{
    private readonly JsonObject _data;

    private PolicyBundle(IReadOnlyList<BundleFile> files, BundleManifest manifest, IReadOnlyDictionary<string, string> modules, JsonObject data, RegoVersion version)
    {
        Files = files;
        Manifest = manifest;
        Modules = modules;
        _data = data;
        RegoVersion = version;
        Digest = BundleDigest.Compute(files);
    }

    /// <summary>The bundle's files, sorted by name.</summary>
    public IReadOnlyList<BundleFile> Files { get; }

    /// <summary>The manifest, or <see cref="BundleManifest.Empty"/> when there is none.</summary>
    public BundleManifest Manifest { get; }

    /// <summary>Rego modules: file name → source.</summary>
    public IReadOnlyDictionary<string, string> Modules { get; }

    /// <summary>The base data document merged from every <c>data.json</c> (a fresh copy on each call).</summary>
    public JsonObject Data => (JsonObject)_data.DeepClone();

    /// <summary>The Rego version all modules are written in.</summary>
    public RegoVersion RegoVersion { get; }

    /// <summary>The bundle digest, <c>sha256:</c> + hex (see <see cref="BundleDigest"/>).</summary>
    public string Digest { get; }

    /// <summary>Loads a directory, or a <c>.tar.gz</c> bundle file.</summary>
    /// <exception cref="PolicyLoadException">Unreadable, malformed, or not a bundle.</exception>
    public static PolicyBundle Load(string path, PolicyBundleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return FromFiles(BundleReader.ReadDirectory(path, options ?? PolicyBundleOptions.Default), options);
        }
        if (File.Exists(path))
        {
            try
            {
                using var stream = File.OpenRead(path);
                return FromTarGz(stream, options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PolicyLoadException(PolicyProblem.BundleError, $"cannot read {path}: {e.Message}", inner: e);
            }
        }
        throw new PolicyLoadException(PolicyProblem.BundleError, $"{path} is neither a directory nor a bundle file.");
    }

    /// <summary>Reads an OPA bundle archive (gzip-compressed tar).</summary>
    public static PolicyBundle FromTarGz(Stream stream, PolicyBundleOptions? options = null) =>
        FromFiles(BundleReader.ReadTarGz(stream, options ?? PolicyBundleOptions.Default), options);

    /// <summary>Builds a bundle from files; those that are not bundle files are left out.</summary>
    public static PolicyBundle FromFiles(IEnumerable<BundleFile> files, PolicyBundleOptions? options = null)
    {
        options ??= PolicyBundleOptions.Default;
        var kept = files.Select(f => f with { Name = BundleFile.NormalizeName(f.Name) }).Where(f => BundleReader.IsBundleFile(f.Name)).ToList();
        var duplicate = kept.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PolicyLoadException(PolicyProblem.BundleError, "the bundle holds this file more than once.", duplicate.Key);
        }
        kept.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

        var manifestFile = kept.FirstOrDefault(f => f.Name == ".manifest");
        var manifest = manifestFile is null ? BundleManifest.Empty : BundleManifest.Parse(manifestFile.Content);
        var modules = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in kept.Where(f => f.Name.EndsWith(".rego", StringComparison.Ordinal)))
        {
            modules[file.Name] = DecodeUtf8(file);
        }
        var data = BundleData.Merge(kept.Where(f => BundleReader.IsDataFile(f.Name)), manifest);
        var version = SingleVersion(modules.Keys, manifest, options.DefaultRegoVersion);
        BundleRoots.Check(modules, manifest);
        return new PolicyBundle(kept, manifest, modules, data, version);
    }

    // The embedded engine compiles all modules in one dialect; a bundle that mixes v0 and v1 files
    // is refused with the reason rather than compiled wrongly.
    private static RegoVersion SingleVersion(IEnumerable<string> modules, BundleManifest manifest, RegoVersion fallback)
    {
        var versions = modules.GroupBy(m => manifest.VersionOf(m, fallback)).ToList();
        if (versions.Count > 1)
        {
            var v0 = versions.First(g => g.Key == RegoVersion.V0).First();
            var v1 = versions.First(g => g.Key == RegoVersion.V1).First();
            throw new PolicyLoadException(PolicyProblem.BundleError,
                $"the bundle mixes Rego v0 ({v0}) and v1 ({v1}) modules; the embedded engine compiles one version per bundle. Rewrite the v0 files in v1 syntax (opa fmt --rego-v1 does it) or split the bundle.",
                ".manifest");
        }
        return versions.Count == 1 ? versions[0].Key : manifest.RegoVersion ?? fallback;
    }

    private static string DecodeUtf8(BundleFile file)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(file.Content.Span);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new PolicyLoadException(PolicyProblem.BundleError, "the file is not valid UTF-8.", file.Name, e);
        }
    }
}
