namespace DataSpace.Ledger.Entries;

/// <summary>One party's signature on an entry: <c>{"alg":"Ed25519","kid":…,"sig":…}</c>.</summary>
/// <param name="KeyId">The signer's key id, <c>name+hash</c> (a participant id and its key hash).</param>
/// <param name="Signature">The 64-byte Ed25519 signature over the entry's signing input.</param>
public sealed record EntrySignature(string KeyId, byte[] Signature);
