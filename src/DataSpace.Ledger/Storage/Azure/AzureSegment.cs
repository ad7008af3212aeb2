using Azure.Storage.Blobs.Specialized;

namespace DataSpace.Ledger.Storage.Azure;

/// <summary>
/// One segment append blob as this writer last saw it: its committed length and block count,
/// which the next conditional append must match.
/// </summary>
internal sealed class AzureSegment(AppendBlobClient blob, int ordinal, ulong firstIndex)
{
    public AppendBlobClient Blob { get; } = blob;

    public int Ordinal { get; } = ordinal;

    public ulong FirstIndex { get; } = firstIndex;

    /// <summary>Bytes committed, as far as this writer knows; the append-position condition.</summary>
    public long Length { get; set; }

    /// <summary>Blocks committed, as far as this writer knows.</summary>
    public int BlockCount { get; set; }
}
