namespace DataSpace.Ledger.Merkle;

/// <summary>
/// Verification of RFC 9162 inclusion and consistency proofs and of their subtree
/// generalisations (draft-ietf-plants-merkle-tree-certs §4.3–4.4). Each check insists on the
/// exact proof length the sizes imply and on 32-byte hashes, so garbage before or after a
/// proof, or a hash of the wrong length, fails. Verdicts carry the reason.
/// </summary>
public static class MerkleVerifier
{
    /// <summary>
    /// Verifies that <paramref name="leafHash"/> is leaf <paramref name="index"/> of the tree of
    /// <paramref name="size"/> leaves with root <paramref name="rootHash"/> (RFC 9162 §2.1.3.2).
    /// </summary>
    public static Verdict VerifyInclusion(ReadOnlySpan<byte> leafHash, ulong index, ulong size, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> rootHash)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index >= size)
        {
            return Verdict.Invalid($"leaf index {index} is not below the tree size {size}");
        }
        if (leafHash.Length != MerkleHash.Size)
        {
            return Verdict.Invalid($"leaf hash has {leafHash.Length} bytes, not {MerkleHash.Size}");
        }
        if (BadHashLength(proof) is { } bad)
        {
            return bad;
        }
        Span<byte> root = stackalloc byte[MerkleHash.Size];
        return ChainInclusion(leafHash, index, size, proof, root) is { IsValid: false } failed
            ? failed
            : Matches(root, rootHash, "root hash");
    }

    /// <summary>
    /// Verifies that leaf <paramref name="index"/> with hash <paramref name="leafHash"/> lies in the
    /// valid subtree [start, end) with hash <paramref name="subtreeHash"/> (MTC draft §4.3.2).
    /// </summary>
    public static Verdict VerifySubtreeInclusion(ReadOnlySpan<byte> leafHash, ulong index, ulong start, ulong end, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> subtreeHash)
    {
        if (!Subtree.IsValidRange(start, end))
        {
            return Verdict.Invalid($"[{start}, {end}) is not a valid subtree");
        }
        if (index < start || index >= end)
        {
            return Verdict.Invalid($"leaf index {index} lies outside [{start}, {end})");
        }
        return VerifyInclusion(leafHash, index - start, end - start, proof, subtreeHash);
    }

    /// <summary>
    /// Verifies that the tree of <paramref name="size1"/> leaves with root <paramref name="root1"/>
    /// is a prefix of the tree of <paramref name="size2"/> leaves with root <paramref name="root2"/>
    /// (RFC 9162 §2.1.4.2). Equal sizes need an empty proof and equal roots. A proof from the
    /// empty tree is refused: it would prove nothing (policy shared with transparency-dev).
    /// </summary>
    public static Verdict VerifyConsistency(ulong size1, ulong size2, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root1, ReadOnlySpan<byte> root2)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (size1 == 0)
        {
            return Verdict.Invalid("a consistency proof from the empty tree is meaningless");
        }
        if (size1 > size2)
        {
            return Verdict.Invalid($"size1 {size1} exceeds size2 {size2}");
        }
        return VerifySubtreeConsistency(0, size1, size2, proof, root1, root2);
    }

    /// <summary>
    /// Verifies that the valid subtree [start, end) with hash <paramref name="subtreeHash"/> is part
    /// of the tree of <paramref name="size"/> leaves with root <paramref name="rootHash"/>
    /// (MTC draft §4.4.3, which reduces to RFC 9162 §2.1.4.2 when start = 0).
    /// </summary>
    public static Verdict VerifySubtreeConsistency(ulong start, ulong end, ulong size, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> subtreeHash, ReadOnlySpan<byte> rootHash)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (!Subtree.IsValidRange(start, end))
        {
            return Verdict.Invalid($"[{start}, {end}) is not a valid subtree");
        }
        if (end > size)
        {
            return Verdict.Invalid($"subtree end {end} exceeds the tree size {size}");
        }
        if (start == end)
        {
            // The empty subtree is part of every tree; its hash must be MTH({}).
            return proof.Count != 0 ? Verdict.Invalid("the empty subtree needs an empty proof")
                : Matches(subtreeHash, MerkleHash.EmptyRoot, "empty subtree hash");
        }
        if (start == 0 && end == size)
        {
            // Same tree: RFC 9162 §2.1.4.2 step 1 (empty proof fails) applies only to size1 < size2.
            return proof.Count != 0 ? Verdict.Invalid("equal sizes need an empty proof") : Matches(subtreeHash, rootHash, "root hash");
        }
        if (proof.Count == 0)
        {
            return Verdict.Invalid("the consistency proof is empty");
        }
        if (subtreeHash.Length != MerkleHash.Size)
        {
            return Verdict.Invalid($"subtree hash has {subtreeHash.Length} bytes, not {MerkleHash.Size}");
        }
        if (BadHashLength(proof) is { } bad)
        {
            return bad;
        }
        return ConsistencyChain.Verify(start, end, size, proof, subtreeHash, rootHash);
    }

    /// <summary>
    /// The RFC 9162 §2.1.3.2 loop: fn walks the leaf's path, sn the tree's right edge; a proof
    /// hash is a left sibling when fn is a right child or sits on the edge.
    /// </summary>
    private static Verdict ChainInclusion(ReadOnlySpan<byte> leafHash, ulong index, ulong size, IReadOnlyList<byte[]> proof, Span<byte> r)
    {
        ulong fn = index, sn = size - 1;
        leafHash.CopyTo(r);
        foreach (var p in proof)
        {
            if (sn == 0)
            {
                return Verdict.Invalid($"the inclusion proof is longer than ({index}, {size}) implies");
            }
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.HashChildren(p, r, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.HashChildren(r, p, r);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? Verdict.Valid : Verdict.Invalid($"the inclusion proof is shorter than ({index}, {size}) implies");
    }

    internal static Verdict? BadHashLength(IReadOnlyList<byte[]> proof)
    {
        for (var i = 0; i < proof.Count; i++)
        {
            if (proof[i] is not { Length: MerkleHash.Size })
            {
                return Verdict.Invalid($"proof hash {i} does not have {MerkleHash.Size} bytes");
            }
        }
        return null;
    }

    internal static Verdict Matches(ReadOnlySpan<byte> computed, ReadOnlySpan<byte> expected, string what) =>
        computed.SequenceEqual(expected) ? Verdict.Valid : Verdict.Invalid($"the computed {what} does not match the expected one");
}
