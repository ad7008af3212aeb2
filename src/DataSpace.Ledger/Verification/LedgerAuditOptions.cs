using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;

namespace DataSpace.Ledger.Verification;

/// <summary>What an audit trusts and how hard it works.</summary>
public sealed record LedgerAuditOptions
{
    /// <summary>The log key to trust; when null, the key in the directory's <c>log.vkey</c> is used (and the report says which).</summary>
    public Ed25519PublicKey? TrustedLogKey { get; init; }

    /// <summary>The operator key to trust; when null, the key in <c>operator.vkey</c>.</summary>
    public Ed25519PublicKey? TrustedOperatorKey { get; init; }

    /// <summary>The same domain rules the log runs.</summary>
    public IReadOnlyList<Func<IEntryRule>> Rules { get; init; } = [];

    /// <summary>Threads for decoding and signature checks; all cores by default.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
