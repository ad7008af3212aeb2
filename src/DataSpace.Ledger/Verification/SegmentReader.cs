using System.Buffers.Binary;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Storage;

namespace DataSpace.Ledger.Verification;

/// <summary>
/// Reads the file store's segments (format in <see cref="SegmentFormat"/>) strictly read-only, for
/// audits and proofs: unlike the store's recovery it never cuts or repairs, and instead of
/// refusing a damaged log it reports each problem at the index where it occurs and reads on.
/// A record whose checksum does not match is still delivered (with the hash of its actual bytes),
/// so that the entry checks and the tree see exactly what is on disk.
/// </summary>
internal sealed class SegmentReader(string leavesDirectory, List<LedgerViolation> violations, int maxLeafBytes = 16 << 20)
{
    public const int ChunkSize = 4096;

    /// <summary>Total bytes of the segment files, for progress.</summary>
    public static long TotalBytes(string leavesDirectory) =>
        Directory.Exists(leavesDirectory) ? SegmentFiles(leavesDirectory).Sum(f => new FileInfo(f).Length) : 0;

    /// <summary>Reads every leaf in order, handing them over in chunks with the index of the first.</summary>
    public ulong Read(Action<ulong, List<RawLeaf>> onChunk, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(leavesDirectory))
        {
            violations.Add(new LedgerViolation(ViolationKind.LedgerMetadata, null, null, null, null, $"there is no {Path.GetFileName(leavesDirectory)} directory"));
            return 0;
        }
        ulong count = 0;
        long bytesDone = 0;
        var chunk = new List<RawLeaf>(ChunkSize);
        foreach (var path in SegmentFiles(leavesDirectory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20, FileOptions.SequentialScan);
            var name = Path.GetFileName(path);
            var length = stream.Length;
            var header = new byte[SegmentFormat.HeaderSize];
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
                || !SegmentFormat.TryReadHeader(header, out var first))
            {
                violations.Add(LedgerViolation.AtEntry(ViolationKind.SegmentCorrupt, count, $"segment {name} has no valid header; its {length} bytes are unreadable"));
                bytesDone += length;
                onBytes?.Invoke(bytesDone);
                continue;
            }
            SegmentFormat.TryParseFileName(path, out var named);
            if (first != count || named != count)
            {
                violations.Add(LedgerViolation.AtEntry(ViolationKind.SegmentCorrupt, count, $"segment {name} claims to start at leaf {first}, but {count} leaves precede it"));
            }
            var offset = (long)SegmentFormat.HeaderSize;
            var recordHeader = new byte[SegmentFormat.RecordHeaderSize];
            while (offset < length)
            {
                if (!TryReadRecord(stream, name, length, ref offset, recordHeader, count, out var leaf))
                {
                    break;
                }
                chunk.Add(leaf);
                count++;
                if (chunk.Count == ChunkSize)
                {
                    onChunk(count - (ulong)chunk.Count, chunk);
                    chunk = new List<RawLeaf>(ChunkSize);
                    onBytes?.Invoke(bytesDone + offset);
                }
            }
            bytesDone += length;
        }
        if (chunk.Count > 0)
        {
            onChunk(count - (ulong)chunk.Count, chunk);
        }
        onBytes?.Invoke(bytesDone);
        return count;
    }

    private bool TryReadRecord(FileStream stream, string name, long length, ref long offset, byte[] recordHeader, ulong index, out RawLeaf leaf)
    {
        leaf = default;
        var remaining = length - offset;
        if (remaining < SegmentFormat.RecordHeaderSize)
        {
            violations.Add(LedgerViolation.AtEntry(ViolationKind.RecordCorrupt, index, $"segment {name} ends with {remaining} stray bytes at offset {offset} (a torn or cut record)"));
            return false;
        }
        stream.ReadExactly(recordHeader);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(recordHeader);
        if (size > (uint)maxLeafBytes || SegmentFormat.RecordHeaderSize + size > remaining)
        {
            violations.Add(LedgerViolation.AtEntry(ViolationKind.RecordCorrupt, index,
                $"segment {name}, offset {offset}: a record of {size} bytes does not fit; the remaining {remaining} bytes cannot be framed"));
            return false;
        }
        var bytes = new byte[size];
        stream.ReadExactly(bytes);
        var hash = MerkleHash.HashLeaf(bytes);
        if (!hash.AsSpan().SequenceEqual(recordHeader.AsSpan(4)))
        {
            violations.Add(LedgerViolation.AtEntry(ViolationKind.RecordCorrupt, index, $"segment {name}, offset {offset}: the stored checksum does not match the record's bytes"));
        }
        offset += SegmentFormat.RecordHeaderSize + size;
        leaf = new RawLeaf(bytes, hash);
        return true;
    }

    private static IEnumerable<string> SegmentFiles(string directory) =>
        Directory.GetFiles(directory, "*" + SegmentFormat.Extension)
            .Where(f => SegmentFormat.TryParseFileName(f, out _))
            .Order(StringComparer.Ordinal);
}
