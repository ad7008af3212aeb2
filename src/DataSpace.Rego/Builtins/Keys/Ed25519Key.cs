namespace DataSpace.Rego.Builtins.Keys;

/// <summary>An Ed25519 key (RFC 8037 <c>OKP</c>): the 32-byte public key and, for signing, the 32-byte seed.</summary>
internal sealed record Ed25519Key(byte[] PublicKey, byte[]? Seed);
