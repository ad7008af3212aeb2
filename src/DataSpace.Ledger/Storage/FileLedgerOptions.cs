namespace DataSpace.Ledger.Storage;

/// <summary>Tuning for <see cref="FileLedgerStore"/>.</summary>
public sealed record FileLedgerOptions
{
    /// <summary>A segment is closed and a new one started once it would grow past this size (a single larger leaf still fits).</summary>
    public long SegmentBytes { get; init; } = 64L << 20;

    /// <summary>The largest leaf accepted; a record header claiming more is treated as torn.</summary>
    public int MaxLeafBytes { get; init; } = 16 << 20;

    /// <summary>The most appends coalesced into one write and fsync.</summary>
    public int MaxBatch { get; init; } = 4096;
}
