namespace DataSpace.Ledger.Storage.Azure;

/// <summary>Tuning for <see cref="AzureAppendBlobLedgerStore"/>. Every writer of one ledger must use the same values.</summary>
public sealed record AzureLedgerOptions
{
    /// <summary>Blob name prefix (a virtual folder) under which the segment blobs live.</summary>
    public string Prefix { get; init; } = "ledger";

    /// <summary>
    /// A segment blob is closed once it holds this many blocks and the next append starts a new
    /// one. Azure caps an append blob at 50,000 blocks; the margin leaves room for a racing writer.
    /// </summary>
    public int MaxBlocksPerBlob { get; init; } = 49_000;

    /// <summary>The most bytes sent in one append block (Azure's limit is 4 MiB for append blobs).</summary>
    public int MaxBlockBytes { get; init; } = 4 << 20;

    /// <summary>The most appends coalesced into one commit.</summary>
    public int MaxBatch { get; init; } = 1024;

    /// <summary>The largest leaf accepted: it must fit one block with its record header.</summary>
    public int MaxLeafBytes => MaxBlockBytes - SegmentFormat.RecordHeaderSize;
}
