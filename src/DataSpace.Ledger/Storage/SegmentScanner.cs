using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Storage;

/// <summary>
/// Reads a segment front to back on open, validating every record's framing and checksum, and
/// reports where the valid prefix ends. A record is valid only if its header, its full payload
/// and a matching leaf hash are all present; the first invalid record ends the valid prefix.
/// </summary>
internal static class SegmentScanner
{
    /// <summary>The outcome of a scan.</summary>
    /// <param name="HeaderValid">Whether the segment header is present and names <paramref name="FirstIndex"/>.</param>
    /// <param name="FirstIndex">The first leaf index from the header.</param>
    /// <param name="ValidEnd">Byte offset just past the last valid record.</param>
    /// <param name="FileLength">The file's length; larger than <paramref name="ValidEnd"/> when the tail is torn.</param>
    public readonly record struct Result(bool HeaderValid, ulong FirstIndex, long ValidEnd, long FileLength);

    /// <summary>Scans <paramref name="path"/>, calling <paramref name="onRecord"/> with each valid record's offset and leaf hash.</summary>
    public static Result Scan(string path, int maxLeafBytes, Action<long, byte[]> onRecord)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20);
        return Scan(stream, stream.Length, maxLeafBytes, onRecord);
    }

    /// <summary>Scans a segment held in <paramref name="stream"/> of <paramref name="length"/> bytes (a file or a downloaded blob).</summary>
    public static Result Scan(Stream stream, long length, int maxLeafBytes, Action<long, byte[]> onRecord)
    {
        var header = new byte[SegmentFormat.HeaderSize];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || !SegmentFormat.TryReadHeader(header, out var firstIndex))
        {
            return new Result(false, 0, 0, length);
        }
        var offset = ScanRecords(stream, SegmentFormat.HeaderSize, length, maxLeafBytes, onRecord);
        return new Result(true, firstIndex, offset, length);
    }

    /// <summary>
    /// Reads records from <paramref name="stream"/>, positioned at segment offset
    /// <paramref name="start"/>, up to segment offset <paramref name="end"/>; returns the offset just
    /// past the last valid record. Used on open and when a writer catches up with another's appends.
    /// </summary>
    public static long ScanRecords(Stream stream, long start, long end, int maxLeafBytes, Action<long, byte[]> onRecord)
    {
        var offset = start;
        var recordHeader = new byte[SegmentFormat.RecordHeaderSize];
        var payload = new byte[4096];
        var actual = new byte[MerkleHash.Size];
        while (offset + SegmentFormat.RecordHeaderSize <= end)
        {
            stream.ReadExactly(recordHeader);
            var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(recordHeader);
            if (size > (uint)maxLeafBytes || offset + SegmentFormat.RecordHeaderSize + size > end)
            {
                break;
            }
            if (payload.Length < size)
            {
                payload = new byte[Math.Max(size, payload.Length * 2)];
            }
            stream.ReadExactly(payload, 0, (int)size);
            MerkleHash.HashLeaf(payload.AsSpan(0, (int)size), actual);
            if (!actual.AsSpan().SequenceEqual(recordHeader.AsSpan(4)))
            {
                break;
            }
            onRecord(offset, actual.ToArray());
            offset += SegmentFormat.RecordHeaderSize + size;
        }
        return offset;
    }
}
