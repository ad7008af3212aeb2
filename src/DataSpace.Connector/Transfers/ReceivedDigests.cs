namespace DataSpace.Connector.Transfers;

/// <summary>What the consumer computed while the content arrived.</summary>
/// <param name="CiphertextSha256">SHA-256 of the age file received, lowercase hex.</param>
/// <param name="CiphertextSize">Its length.</param>
/// <param name="PlaintextSha256">SHA-256 of the decrypted content, lowercase hex.</param>
/// <param name="PlaintextSize">Its length.</param>
internal sealed record ReceivedDigests(string CiphertextSha256, long CiphertextSize, string PlaintextSha256, long PlaintextSize);
