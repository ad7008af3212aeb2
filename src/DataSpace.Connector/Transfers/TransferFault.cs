using DataSpace.Core.Results;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// A transfer step failed inside a stream the blob store is reading (so it can only throw):
/// carries the <see cref="Core.Results.Error"/> the handler answers with once the store gave up.
/// </summary>
internal sealed class TransferFault(Error error) : Exception(error.Message)
{
    public Error Error { get; } = error;
}
