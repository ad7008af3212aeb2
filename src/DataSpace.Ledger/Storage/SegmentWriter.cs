namespace DataSpace.Ledger.Storage;

/// <summary>
/// Appends records to the active segment and rolls to a new segment when it is full. Not
/// thread-safe: only the store's commit loop calls it. Nothing written here counts until
/// <see cref="Sync"/> returns.
/// </summary>
internal sealed class SegmentWriter : IDisposable
{
    private readonly string _directory;
    private readonly long _segmentBytes;
    private FileStream _stream;
    private long _length;

    private SegmentWriter(string directory, long segmentBytes, FileStream stream, int ordinal)
    {
        _directory = directory;
        _segmentBytes = segmentBytes;
        _stream = stream;
        _length = stream.Length;
        Ordinal = ordinal;
    }

    /// <summary>Position of the active segment in the store's segment list.</summary>
    public int Ordinal { get; private set; }

    /// <summary>Resumes appending to an existing, already validated segment.</summary>
    public static SegmentWriter Resume(string directory, long segmentBytes, Segment segment, int ordinal)
    {
        var stream = OpenForAppend(segment.Path, FileMode.Open);
        stream.Seek(0, SeekOrigin.End);
        return new SegmentWriter(directory, segmentBytes, stream, ordinal);
    }

    /// <summary>Creates the first segment of an empty log.</summary>
    public static SegmentWriter Create(string directory, long segmentBytes, out Segment segment)
    {
        segment = CreateSegment(directory, 0, out var stream);
        return new SegmentWriter(directory, segmentBytes, stream, 0);
    }

    /// <summary>
    /// Writes one record and returns its offset. When the active segment is full it is synced
    /// and closed first, and the new segment is returned in <paramref name="created"/>.
    /// </summary>
    public long Write(ReadOnlySpan<byte> leaf, ReadOnlySpan<byte> leafHash, ulong index, out Segment? created)
    {
        created = null;
        var recordSize = SegmentFormat.RecordHeaderSize + leaf.Length;
        if (_length > SegmentFormat.HeaderSize && _length + recordSize > _segmentBytes)
        {
            Sync();
            _stream.Dispose();
            created = CreateSegment(_directory, index, out _stream);
            _length = _stream.Length;
            Ordinal++;
        }
        Span<byte> header = stackalloc byte[SegmentFormat.RecordHeaderSize];
        SegmentFormat.WriteRecordHeader(header, leaf.Length, leafHash);
        var offset = _length;
        _stream.Write(header);
        _stream.Write(leaf);
        _length += recordSize;
        return offset;
    }

    /// <summary>Flushes buffered records and fsyncs the segment: the single durability point of a batch.</summary>
    public void Sync() => _stream.Flush(flushToDisk: true);

    public void Dispose() => _stream.Dispose();

    private static Segment CreateSegment(string directory, ulong firstIndex, out FileStream stream)
    {
        // The header and the directory entry are made durable before any record is written to
        // the segment, so a segment that holds records always has a valid header on disk.
        var path = Path.Combine(directory, SegmentFormat.FileName(firstIndex));
        stream = OpenForAppend(path, FileMode.CreateNew);
        stream.Write(SegmentFormat.Header(firstIndex));
        stream.Flush(flushToDisk: true);
        DirectorySync.Flush(directory);
        return new Segment(firstIndex, path);
    }

    private static FileStream OpenForAppend(string path, FileMode mode) =>
        new(path, mode, FileAccess.Write, FileShare.Read | FileShare.Delete, 1 << 16);
}
