using DataSpace.Storage;

namespace DataSpace.Connector.Usage;

/// <summary>
/// A read that was allowed, logged, notified and counted: the stored ciphertext, opened, for the
/// caller to decrypt into the response (and then dispose).
/// </summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="Use">The number of this use under the agreement, from 1.</param>
/// <param name="PlaintextSha256">The plaintext's SHA-256 (hex) from the provider's signed manifest; the stream is checked against it.</param>
/// <param name="Size">Plaintext bytes.</param>
/// <param name="Ciphertext">The age-encrypted data.</param>
public sealed record ReleasedData(string TransferId, int Use, string PlaintextSha256, long Size, OpenedBlob Ciphertext) : UseOutcome;
