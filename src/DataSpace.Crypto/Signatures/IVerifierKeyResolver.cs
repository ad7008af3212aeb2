namespace DataSpace.Crypto.Signatures;

/// <summary>Finds the public key for a key id (<c>name+hash</c>); null when it is not known.</summary>
public interface IVerifierKeyResolver
{
    /// <summary>The key with this id, or null.</summary>
    Ed25519PublicKey? Find(string keyId);
}
