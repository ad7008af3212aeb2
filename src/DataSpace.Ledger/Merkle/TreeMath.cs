using System.Numerics;

namespace DataSpace.Ledger.Merkle;

/// <summary>Integer helpers shared by proof generation and verification (RFC 9162 §2.1).</summary>
internal static class TreeMath
{
    /// <summary>The largest power of two strictly less than <paramref name="n"/> (RFC 9162 §2.1.1's k), for n &gt; 1.</summary>
    public static ulong SplitPoint(ulong n)
    {
        System.Diagnostics.Debug.Assert(n > 1);
        return 1UL << (63 - BitOperations.LeadingZeroCount(n - 1));
    }

    /// <summary>The smallest power of two greater than or equal to <paramref name="n"/>, for n ≤ 2^63.</summary>
    public static ulong BitCeil(ulong n) => n <= 1 ? 1 : 1UL << (64 - BitOperations.LeadingZeroCount(n - 1));

    /// <summary>Whether [lo, hi) is one aligned perfect node; if so, that node.</summary>
    public static bool TryPerfectNode(ulong lo, ulong hi, out NodeIndex node)
    {
        var size = hi - lo;
        if (hi > lo && BitOperations.IsPow2(size) && (lo & (size - 1)) == 0)
        {
            var level = BitOperations.TrailingZeroCount(size);
            node = new NodeIndex(level, lo >> level);
            return true;
        }
        node = default;
        return false;
    }

    /// <summary>
    /// Appends, left to right, the complete nodes whose hashes fold into MTH(D[lo:hi]) following
    /// the RFC 9162 §2.1.1 split (largest power of two first).
    /// </summary>
    public static void AppendRangeNodes(ulong lo, ulong hi, List<NodeIndex> nodes)
    {
        if (TryPerfectNode(lo, hi, out var node))
        {
            nodes.Add(node);
            return;
        }
        var k = SplitPoint(hi - lo);
        AppendRangeNodes(lo, lo + k, nodes);
        AppendRangeNodes(lo + k, hi, nodes);
    }

    /// <summary>
    /// Folds the node hashes listed by <see cref="AppendRangeNodes"/> back into MTH(D[lo:hi]),
    /// writing it to <paramref name="destination"/>; returns the number of hashes consumed.
    /// </summary>
    public static int FoldRange(ulong lo, ulong hi, ReadOnlySpan<byte> hashes, Span<byte> destination)
    {
        if (TryPerfectNode(lo, hi, out _))
        {
            hashes[..MerkleHash.Size].CopyTo(destination);
            return 1;
        }
        var k = SplitPoint(hi - lo);
        Span<byte> left = stackalloc byte[MerkleHash.Size];
        Span<byte> right = stackalloc byte[MerkleHash.Size];
        var used = FoldRange(lo, lo + k, hashes, left);
        used += FoldRange(lo + k, hi, hashes[(used * MerkleHash.Size)..], right);
        MerkleHash.HashChildren(left, right, destination);
        return used;
    }

    /// <summary>MTH(D[lo:hi]) for every range in <paramref name="ranges"/>, read from <paramref name="reader"/> in one batch.</summary>
    public static byte[][] RangeHashes(IReadOnlyList<(ulong Lo, ulong Hi)> ranges, IHashReader reader)
    {
        var nodes = new List<NodeIndex>(ranges.Count * 2);
        foreach (var (lo, hi) in ranges)
        {
            AppendRangeNodes(lo, hi, nodes);
        }
        var buffer = new byte[nodes.Count * MerkleHash.Size];
        reader.ReadHashes(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(nodes), buffer);
        var result = new byte[ranges.Count][];
        var offset = 0;
        for (var i = 0; i < ranges.Count; i++)
        {
            result[i] = new byte[MerkleHash.Size];
            offset += FoldRange(ranges[i].Lo, ranges[i].Hi, buffer.AsSpan(offset * MerkleHash.Size), result[i]);
        }
        return result;
    }
}
