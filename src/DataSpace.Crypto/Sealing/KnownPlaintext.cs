namespace DataSpace.Crypto.Sealing;

/// <summary>
/// What the sealer's caller already knows of the plaintext — a blob store hashed it when it was
/// stored — so that it is not hashed a second time while it is sealed.
/// </summary>
/// <param name="Sha256">SHA-256 of the plaintext, lowercase hex; signed into the manifest as it is.</param>
/// <param name="Size">Its length in bytes; sealing fails if the stream is not exactly this long.</param>
public sealed record KnownPlaintext(string Sha256, long Size);
