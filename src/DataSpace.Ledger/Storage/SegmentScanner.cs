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
        var length = stream.Length;
        var header = new byte[SegmentFormat.HeaderSize];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || !SegmentFormat.TryReadHeader(header, out var firstIndex))
        {
            return new Result(false, 0, 0, length);
        }
        var offset = (long)SegmentFormat.HeaderSize;
        var recordHeader = new byte[SegmentFormat.RecordHeaderSize];
        var payload = new byte[4096];
        var actual = new byte[MerkleHash.Size];
        while (offset + SegmentFormat.RecordHeaderSize <= length)
        {
            stream.ReadExactly(recordHeader);
            var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(recordHeader);
            if (size > (uint)maxLeafBytes || offset + SegmentFormat.RecordHeaderSize + size > length)
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
        return new Result(true, firstIndex, offset, length);
    }
}
