using DataSpace.Crypto.Age;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>
/// Stands for a key of a type this implementation does not support (the ML-KEM hybrid
/// <c>AGE-SECRET-KEY-PQ-1…</c> keys): like an identity of another type, it never matches.
/// </summary>
internal sealed class UnsupportedIdentity : IIdentity
{
    public byte[]? Unwrap(IReadOnlyList<AgeStanza> stanzas) => null;
}
