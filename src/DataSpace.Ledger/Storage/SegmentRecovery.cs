using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Storage;

/// <summary>
/// Rebuilds the in-memory state of a file ledger on open, in one O(n) pass: every segment is
/// scanned, every record checked, the leaf positions and all tree hashes recomputed.
/// </summary>
/// <remarks>
/// Rules: segments must be contiguous (each starts where the previous ended); only the tail of
/// the last segment may be invalid — it holds at most the batch that was being written when the
/// process died, never an acknowledged entry — and it is cut and fsynced before any new append.
/// An invalid record anywhere else is corruption, and the store refuses to open.
/// </remarks>
internal static class SegmentRecovery
{
    public static List<Segment> Recover(string directory, FileLedgerOptions options, InMemoryHashStore tree, LeafPositions positions)
    {
        var files = Directory.GetFiles(directory, "*" + SegmentFormat.Extension)
            .Where(f => SegmentFormat.TryParseFileName(f, out _))
            .Order(StringComparer.Ordinal)
            .ToList();
        var segments = new List<Segment>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i];
            var isLast = i == files.Count - 1;
            SegmentFormat.TryParseFileName(path, out var named);
            if (named != tree.Size)
            {
                throw new InvalidDataException($"Segment {path} starts at leaf {named}, but the log before it holds {tree.Size} leaves.");
            }
            var ordinal = segments.Count;
            var scan = SegmentScanner.Scan(path, options.MaxLeafBytes, (offset, hash) =>
            {
                positions.Set(tree.Size, LeafPositions.Pack(ordinal, offset));
                tree.Append(hash);
            });
            if (!scan.HeaderValid || scan.FirstIndex != named)
            {
                if (isLast && scan.FileLength <= SegmentFormat.HeaderSize)
                {
                    // A segment whose creation was interrupted before its header was durable holds no record.
                    File.Delete(path);
                    DirectorySync.Flush(directory);
                    break;
                }
                throw new InvalidDataException($"Segment {path} has no valid header.");
            }
            if (scan.ValidEnd < scan.FileLength)
            {
                if (!isLast)
                {
                    throw new InvalidDataException($"Segment {path} is corrupt at offset {scan.ValidEnd}; only the tail of the last segment may be torn.");
                }
                CutTail(path, scan.ValidEnd);
            }
            segments.Add(new Segment(named, path));
        }
        return segments;
    }

    private static void CutTail(string path, long validEnd)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.SetLength(validEnd);
        stream.Flush(flushToDisk: true);
    }
}
