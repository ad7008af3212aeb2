using DataSpace.Crypto.Age;
using DataSpace.Storage;

namespace DataSpace.Connector.Transfers;

/// <summary>A transfer checked and ready to stream: its record, the consumer's recipient, and the opened asset (dispose it).</summary>
/// <param name="Transfer">The provider's record of the transfer.</param>
/// <param name="Recipient">The consumer's registered X25519 recipient.</param>
/// <param name="Asset">The asset, opened for reading.</param>
internal sealed record OutgoingTransfer(ProvidedTransfer Transfer, X25519Recipient Recipient, OpenedBlob Asset) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Asset.DisposeAsync();
}
