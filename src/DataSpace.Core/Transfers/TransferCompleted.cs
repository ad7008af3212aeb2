namespace DataSpace.Core.Transfers;

/// <summary>
/// The body of a <c>transfer.completed</c> entry: the consumer's receipt, signed by the consumer
/// (it received and verified exactly this) and by the provider (it sent exactly this).
/// </summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="AgreementId">The agreement.</param>
/// <param name="PlaintextSha256">SHA-256 of the data, hex.</param>
/// <param name="CiphertextSha256">SHA-256 of the age file sent, hex.</param>
/// <param name="Size">Plaintext size in bytes.</param>
/// <param name="ManifestSha256">SHA-256 of the provider's signed manifest (canonical JSON), hex.</param>
/// <param name="Time">When the consumer stored the data.</param>
public sealed record TransferCompleted(string TransferId, string AgreementId, string PlaintextSha256, string CiphertextSha256, long Size, string ManifestSha256, DateTimeOffset Time)
{
    /// <summary>The entry type.</summary>
    public const string EntryType = "transfer.completed";
}
