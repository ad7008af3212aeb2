namespace DataSpace.Ledger.Notes;

/// <summary>Key ID derivation of c2sp.org/signed-note ("Signatures").</summary>
internal static class NoteKeys
{
    public const int Ed25519PublicKeySize = 32;
    public const int Ed25519SignatureSize = 64;

    /// <summary>key ID = SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian.</summary>
    public static uint KeyId(string name, NoteSignatureType type, ReadOnlySpan<byte> publicKey) =>
        DataSpace.Crypto.Signatures.NoteKeyHash.Compute(name, (byte)type, publicKey);
}
