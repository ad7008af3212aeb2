using Azure.Storage.Blobs;
using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Storage.Azure;

/// <summary>The writer state a commit works on; owned by the store, used under its writer gate.</summary>
internal sealed record AzureCommitContext(
    BlobContainerClient Container,
    AzureLedgerOptions Options,
    InMemoryHashStore Tree,
    LeafPositions Positions,
    AzureSegmentSync Sync,
    List<AzureSegment> Segments);
