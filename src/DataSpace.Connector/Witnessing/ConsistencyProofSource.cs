using DataSpace.Core.Results;

namespace DataSpace.Connector.Witnessing;

/// <summary>Fetches the RFC 9162 §2.1.4 consistency proof between two tree sizes of the witnessed log.</summary>
internal delegate Task<Result<IReadOnlyList<byte[]>>> ConsistencyProofSource(ulong from, ulong to, CancellationToken cancellationToken);
