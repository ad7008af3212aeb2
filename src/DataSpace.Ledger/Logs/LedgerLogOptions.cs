using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Storage;

namespace DataSpace.Ledger.Logs;

/// <summary>How a <see cref="LedgerLog"/> signs, checkpoints and checks entries.</summary>
public sealed record LedgerLogOptions
{
    /// <summary>The log's own Ed25519 key; its name is the checkpoint origin (c2sp.org/tlog-checkpoint).</summary>
    public required Ed25519Signer LogKey { get; init; }

    /// <summary>The operator's key, which countersigns every participant registration.</summary>
    public required Ed25519PublicKey Operator { get; init; }

    /// <summary>A checkpoint is signed and stored each time the log reaches a multiple of this size.</summary>
    public ulong CheckpointInterval { get; init; } = 1000;

    /// <summary>Factories for the domain rules; each log (and each audit) gets fresh instances.</summary>
    public IReadOnlyList<Func<IEntryRule>> Rules { get; init; } = [];

    /// <summary>Tuning of the file store, for <see cref="LedgerLog.OpenDirectoryAsync"/>.</summary>
    public FileLedgerOptions? Store { get; init; }
}
