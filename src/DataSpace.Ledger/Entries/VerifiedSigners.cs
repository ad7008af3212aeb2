using DataSpace.Crypto.Signatures;

namespace DataSpace.Ledger.Entries;

/// <summary>
/// The keys whose signatures on one entry have already been verified in this process, or made in
/// it (<see cref="LedgerEntry.Create"/>, <see cref="LedgerEntry.Countersign"/>). An entry is
/// immutable, so a signature that verified once verifies again: the broker checks a party's
/// signature when the message arrives and the ledger's admission would otherwise check it a
/// second time (an Ed25519 verification costs about as much as canonicalising a small entry).
/// Entries parsed from bytes start empty, so an auditor replaying a ledger verifies everything.
/// </summary>
internal sealed class VerifiedSigners
{
    private Ed25519PublicKey[] _keys;

    public VerifiedSigners(Ed25519PublicKey[]? keys = null) => _keys = keys ?? [];

    /// <summary>A copy, for an entry with the same signing input and these signatures among its own.</summary>
    public VerifiedSigners Copy() => new(Volatile.Read(ref _keys));

    public bool Contains(Ed25519PublicKey key) => Array.IndexOf(Volatile.Read(ref _keys), key) >= 0;

    /// <summary>The verified key with this key id, if any.</summary>
    public Ed25519PublicKey? Find(string keyId) => Array.Find(Volatile.Read(ref _keys), k => k.KeyId == keyId);

    public void Add(Ed25519PublicKey key)
    {
        // Copy on write: readers never lock, and a lost race only means one more verification later.
        var current = Volatile.Read(ref _keys);
        if (Array.IndexOf(current, key) < 0)
        {
            Interlocked.CompareExchange(ref _keys, [.. current, key], current);
        }
    }
}
