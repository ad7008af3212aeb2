using System.Text;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Policy;

namespace DataSpace.Cli.Ledger;

/// <summary>
/// The policy bundles a ledger recorded (<c>policy.bundle</c> entries), by digest. A bundle is
/// checked and compiled once, when a decision first names it: its recorded files must hash to its
/// digest (docs/formats.md, "Policy bundle digest") and be exactly the files of a bundle, or no
/// decision under it can be trusted.
/// </summary>
internal sealed class RecordedBundles(EmbeddedPolicyOptions engineOptions)
{
    private readonly Dictionary<string, (ulong Index, PolicyBundleRecord Record)> _recorded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Result<EmbeddedPolicyEngine>> _engines = new(StringComparer.Ordinal);

    /// <summary>Bundles compiled so far.</summary>
    public int Compiled => _engines.Values.Count(e => e.IsSuccess);

    /// <summary>Remembers a bundle the ledger recorded at <paramref name="index"/>; the first record of a digest counts.</summary>
    public void Record(ulong index, PolicyBundleRecord record) => _recorded.TryAdd(record.Digest, (index, record));

    /// <summary>The engine of the bundle <paramref name="digest"/>, or why there is none.</summary>
    public Result<EmbeddedPolicyEngine> Engine(string digest)
    {
        if (_engines.TryGetValue(digest, out var engine))
        {
            return engine;
        }
        if (!_recorded.TryGetValue(digest, out var recorded))
        {
            return Error.NotFound($"no policy.bundle entry before it records bundle {digest}");
        }
        return _engines[digest] = Compile(recorded.Index, recorded.Record);
    }

    private Result<EmbeddedPolicyEngine> Compile(ulong index, PolicyBundleRecord record)
    {
        var files = record.Files.Select(f => new BundleFile(f.Name, Encoding.UTF8.GetBytes(f.Text))).ToList();
        var where = $"bundle {record.Digest} (recorded at index {index})";
        try
        {
            var actual = BundleDigest.Compute(files);
            if (actual != record.Digest)
            {
                return Error.Invalid($"the files of {where} hash to {actual}: they are not the policies the digest names");
            }
            var bundle = PolicyBundle.FromFiles(files);
            if (bundle.Digest != record.Digest)
            {
                return Error.Invalid($"{where} records files that are not bundle files (.manifest, *.rego, data.json)");
            }
            return EmbeddedPolicyEngine.Create(bundle, engineOptions);
        }
        catch (ArgumentException e)
        {
            return Error.Invalid($"{where} is not a set of files: {e.Message}");
        }
        catch (PolicyLoadException e)
        {
            return Error.Invalid($"{where} does not load or compile: {string.Join("; ", e.Problems)}");
        }
    }
}
