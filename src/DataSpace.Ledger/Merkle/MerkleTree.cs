namespace DataSpace.Ledger.Merkle;

/// <summary>
/// Root and proof generation for an RFC 6962 / RFC 9162 Merkle tree, as pure functions over an
/// <see cref="IHashReader"/>. Every function reads only complete nodes — O(log n) of them — in a
/// single batch, so cost does not grow with the tree beyond the path length.
/// </summary>
public static class MerkleTree
{
    /// <summary>MTH(D[0:size]), the root hash of the tree of the given size (RFC 9162 §2.1.1).</summary>
    public static byte[] RootHash(ulong size, IHashReader reader) => SubtreeHash(0, size, reader);

    /// <summary>MTH(D[start:end]) of a valid subtree (MTC draft §4.1); MTH({}) when empty.</summary>
    public static byte[] SubtreeHash(ulong start, ulong end, IHashReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        RequireValidSubtree(start, end);
        return start == end ? MerkleHash.EmptyRoot.ToArray() : TreeMath.RangeHashes([(start, end)], reader)[0];
    }

    /// <summary>
    /// PATH(index, D[0:size]): the audit path of RFC 6962 §2.1.1 (RFC 9162 §2.1.3.1), ordered from
    /// the leaf's sibling up to the root's child.
    /// </summary>
    public static IReadOnlyList<byte[]> InclusionProof(ulong index, ulong size, IHashReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The index must be below the tree size {size}.");
        }
        return PathProof(index, 0, size, reader);
    }

    /// <summary>
    /// The inclusion proof of leaf <paramref name="index"/> in the valid subtree [start, end):
    /// PATH(index − start, D[start:end]) (MTC draft §4.3).
    /// </summary>
    public static IReadOnlyList<byte[]> SubtreeInclusionProof(ulong index, ulong start, ulong end, IHashReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        RequireValidSubtree(start, end);
        if (index < start || index >= end)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The index must lie in [{start}, {end}).");
        }
        return PathProof(index, start, end, reader);
    }

    /// <summary>
    /// PROOF(size1, D[0:size2]): the consistency proof of RFC 6962 §2.1.2 (RFC 9162 §2.1.4.1).
    /// Empty when the sizes are equal. A proof from the empty tree is meaningless and refused.
    /// </summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(ulong size1, ulong size2, IHashReader reader)
    {
        if (size1 == 0 || size1 > size2)
        {
            throw new ArgumentOutOfRangeException(nameof(size1), size1, $"A consistency proof needs 0 < size1 <= size2 ({size2}).");
        }
        return SubtreeConsistencyProof(0, size1, size2, reader);
    }

    /// <summary>
    /// SUBTREE_PROOF(start, end, D[0:size]) of MTC draft §4.4.1: proves the valid subtree
    /// [start, end) is part of the tree of the given size. With start = 0 this is exactly the
    /// RFC 6962 SUBPROOF(end, D[0:size], true); the empty subtree needs no proof.
    /// </summary>
    public static IReadOnlyList<byte[]> SubtreeConsistencyProof(ulong start, ulong end, ulong size, IHashReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        RequireValidSubtree(start, end);
        if (end > size)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"The subtree must end within the tree size {size}.");
        }
        if (start == end)
        {
            return [];
        }
        // The recursion SUBPROOF(m, D[n], b) walks from the root down: at each node either the
        // subtree lies in one child (the other child is a proof hash), or it straddles the split
        // (only possible for start = 0), in which case the left child is a proof hash and the
        // verifier no longer knows the node it descends into (b = false). The deepest hash comes
        // first in the proof, so the top-down list is reversed at the end.
        var ranges = new List<(ulong Lo, ulong Hi)>();
        ulong lo = 0, n = size;
        var known = true;
        while (true)
        {
            if (start == 0 && end == n)
            {
                if (!known)
                {
                    ranges.Add((lo, lo + n));
                }
                break;
            }
            var k = TreeMath.SplitPoint(n);
            if (end <= k)
            {
                ranges.Add((lo + k, lo + n));
                n = k;
            }
            else
            {
                ranges.Add((lo, lo + k));
                known &= k <= start;
                start = k <= start ? start - k : 0;
                end -= k;
                lo += k;
                n -= k;
            }
        }
        ranges.Reverse();
        return TreeMath.RangeHashes(ranges, reader);
    }

    private static byte[][] PathProof(ulong index, ulong lo, ulong hi, IHashReader reader)
    {
        // PATH(m, D[n]) (RFC 6962 §2.1.1), unrolled from the root down: the sibling subtree at
        // each split, then reversed so the leaf's sibling comes first.
        var ranges = new List<(ulong Lo, ulong Hi)>(64);
        while (hi - lo > 1)
        {
            var k = TreeMath.SplitPoint(hi - lo);
            if (index < lo + k)
            {
                ranges.Add((lo + k, hi));
                hi = lo + k;
            }
            else
            {
                ranges.Add((lo, lo + k));
                lo += k;
            }
        }
        ranges.Reverse();
        return TreeMath.RangeHashes(ranges, reader);
    }

    private static void RequireValidSubtree(ulong start, ulong end)
    {
        if (!Subtree.IsValidRange(start, end))
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {end}) is not a valid subtree (MTC draft §4.1).");
        }
    }
}
