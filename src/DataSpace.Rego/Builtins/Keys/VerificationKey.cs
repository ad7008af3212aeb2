namespace DataSpace.Rego.Builtins.Keys;

/// <summary>
/// A key to verify or sign with: <see cref="System.Security.Cryptography.RSA"/>,
/// <see cref="System.Security.Cryptography.ECDsa"/>, <see cref="Ed25519Key"/> or
/// <see cref="SymmetricKey"/>. A key from a JWK set may name its algorithm and key id; a key
/// from a certificate names neither (empty strings).
/// </summary>
internal sealed record VerificationKey(string Alg, string Kid, object Key);
