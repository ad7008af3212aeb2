using DataSpace.Core.Json;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;

namespace DataSpace.Core.Space;

/// <summary>Policy bundles, recorded once per digest so every decision that names one can be re-evaluated.</summary>
internal sealed class BundleFold : IEntryFold
{
    public IReadOnlyCollection<string> Types { get; } = [PolicyBundleRecord.EntryType];

    public Result<Action> Decide(SpaceEvent entry, SpaceState state)
    {
        var read = DomainJson.Read<PolicyBundleRecord>(entry.Body, "the policy bundle");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var bundle = read.Value;
        if (!bundle.Digest.StartsWith("sha256:", StringComparison.Ordinal) || bundle.Files.Count == 0)
        {
            return Error.Invalid("a policy bundle has a sha256: digest and at least one file");
        }
        return state.FindBundle(bundle.Digest) is { } index
            ? Error.Conflict($"bundle {bundle.Digest} is already recorded at index {index}")
            : Result<Action>.Success(() => state.PutBundle(bundle.Digest, entry.Index));
    }
}
