namespace DataSpace.Crypto.Signatures;

/// <summary>A fixed set of trusted public keys, looked up by key id.</summary>
public sealed class VerifierKeyRing : IVerifierKeyResolver
{
    private readonly Dictionary<string, Ed25519PublicKey> _keys;

    /// <summary>Creates a key ring from the given keys.</summary>
    public VerifierKeyRing(IEnumerable<Ed25519PublicKey> keys)
    {
        _keys = keys.ToDictionary(k => k.KeyId, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public Ed25519PublicKey? Find(string keyId) => _keys.GetValueOrDefault(keyId);
}
