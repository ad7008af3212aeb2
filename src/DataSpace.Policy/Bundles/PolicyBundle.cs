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

    private PolicyBundle(IReadOnlyList<BundleFile> files, BundleManifest manifest, IReadOnlyDictionary<string, string> modules, JsonObject data, IReadOnlyList<RegoModule> regoModules, RegoVersion version)
    {
        Files = files;
        Manifest = manifest;
        Modules = modules;
        RegoModules = regoModules;
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

    /// <summary>
    /// Rego modules in file-name order, each with the version the manifest gives it
    /// (<c>file_rego_versions</c>, else <c>rego_version</c>, else <see cref="PolicyBundleOptions.DefaultRegoVersion"/>);
    /// compile these with <see cref="RegoEngine.Compile(IEnumerable{RegoModule}, RegoValue?)"/> so v0 and v1 files can share a bundle.
    /// </summary>
    public IReadOnlyList<RegoModule> RegoModules { get; }

    /// <summary>The base data document merged from every <c>data.json</c> (a fresh copy on each call).</summary>
    public JsonObject Data => (JsonObject)_data.DeepClone();

    /// <summary>
    /// The bundle's own Rego version: the one every module shares, or, when <c>file_rego_versions</c>
    /// mixes v0 and v1, the manifest's <c>rego_version</c> (else the default). Per-module versions are in <see cref="RegoModules"/>.
    /// </summary>
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
        var regoModules = modules.Select(m => new RegoModule(m.Key, m.Value, manifest.VersionOf(m.Key, options.DefaultRegoVersion))).ToList();
        BundleRoots.Check(modules, manifest);
        return new PolicyBundle(kept, manifest, modules, data, regoModules, BundleVersion(regoModules, manifest, options.DefaultRegoVersion));
    }

    // Modules are compiled each in its own version (as OPA does); this single version only matters
    // to callers that add modules later without saying which dialect they are in.
    private static RegoVersion BundleVersion(IReadOnlyList<RegoModule> modules, BundleManifest manifest, RegoVersion fallback)
    {
        var versions = modules.Select(m => m.Version).Distinct().ToList();
        return versions.Count == 1 ? versions[0] : manifest.RegoVersion ?? fallback;
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
