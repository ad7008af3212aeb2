namespace DataSpace.Rego.Builtins.Keys;

/// <summary>An HMAC secret (a JWK of type <c>oct</c>, or a <c>secret</c> constraint).</summary>
internal sealed record SymmetricKey(byte[] Bytes);
