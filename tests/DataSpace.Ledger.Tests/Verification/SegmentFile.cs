using System.Buffers.Binary;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Storage;

namespace DataSpace.Ledger.Tests.Verification;

/// <summary>
/// Reads and rewrites the single segment of a small test ledger the way an attacker with write
/// access to the files would: records re-framed with valid checksums, so only the signatures and
/// the checkpoints can give the change away.
/// </summary>
internal static class SegmentFile
{
    public static string Find(string ledger) =>
        Directory.GetFiles(Path.Combine(ledger, LedgerLayout.LeavesDirectory), "*" + SegmentFormat.Extension).Single();

    public static List<byte[]> ReadLeaves(string ledger)
    {
        var bytes = File.ReadAllBytes(Find(ledger));
        var leaves = new List<byte[]>();
        for (var offset = SegmentFormat.HeaderSize; offset < bytes.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));
            leaves.Add(bytes.AsSpan(offset + SegmentFormat.RecordHeaderSize, length).ToArray());
            offset += SegmentFormat.RecordHeaderSize + length;
        }
        return leaves;
    }

    /// <summary>Byte offset of record <paramref name="index"/> and its total length (header included).</summary>
    public static (int Offset, int Length) Record(string ledger, int index)
    {
        var offset = SegmentFormat.HeaderSize;
        var leaves = ReadLeaves(ledger);
        for (var i = 0; i < index; i++)
        {
            offset += SegmentFormat.RecordHeaderSize + leaves[i].Length;
        }
        return (offset, SegmentFormat.RecordHeaderSize + leaves[index].Length);
    }

    public static void WriteLeaves(string ledger, IEnumerable<byte[]> leaves)
    {
        using var stream = new MemoryStream();
        stream.Write(SegmentFormat.Header(0));
        var header = new byte[SegmentFormat.RecordHeaderSize];
        foreach (var leaf in leaves)
        {
            SegmentFormat.WriteRecordHeader(header, leaf.Length, MerkleHash.HashLeaf(leaf));
            stream.Write(header);
            stream.Write(leaf);
        }
        File.WriteAllBytes(Find(ledger), stream.ToArray());
    }
}
