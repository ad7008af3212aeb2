namespace DataSpace.Ledger.Merkle;

/// <summary>
/// The hash chaining behind subtree consistency verification: MTC draft §4.4.3 (Appendix B.5),
/// which generalises RFC 9162 §2.1.4.2 from the prefix [0, size1) to any valid subtree.
/// Callers have already checked sizes, lengths and the trivial cases.
/// </summary>
internal static class ConsistencyChain
{
    public static Verdict Verify(ulong start, ulong end, ulong size, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> subtreeHash, ReadOnlySpan<byte> rootHash)
    {
        // fn, sn, tn: the subtree's first leaf, its last leaf and the tree's last leaf; a right
        // shift climbs one level.
        ulong fn = start, sn = end - 1, tn = size - 1;

        // Step 1: climb the levels that need no proof hash. A subtree flush with the tree's
        // right edge climbs to its own root; otherwise climb while sn is a right child.
        if (sn == tn)
        {
            while (fn != sn)
            {
                fn >>= 1;
                sn >>= 1;
                tn >>= 1;
            }
        }
        else
        {
            while (fn != sn && (sn & 1) == 1)
            {
                fn >>= 1;
                sn >>= 1;
                tn >>= 1;
            }
        }

        // Step 2: seed both running hashes: the subtree hash itself when the subtree is a single
        // node here (RFC 9162: "if first is an exact power of 2, prepend first_hash"), else the
        // first proof hash.
        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        var next = 0;
        if (fn == sn)
        {
            subtreeHash.CopyTo(fr);
        }
        else
        {
            proof[0].CopyTo(fr);
            next = 1;
        }
        fr.CopyTo(sr);

        // Step 3: fr rebuilds the subtree hash from left siblings inside it; sr rebuilds the root.
        for (; next < proof.Count; next++)
        {
            var c = proof[next];
            if (tn == 0)
            {
                return Verdict.Invalid("the consistency proof has more hashes than the tree has levels");
            }
            if ((sn & 1) == 1 || sn == tn)
            {
                if (fn < sn)
                {
                    MerkleHash.HashChildren(c, fr, fr);
                }
                MerkleHash.HashChildren(c, sr, sr);
                // On the ragged right edge, skip the empty levels above the merged node.
                while ((sn & 1) == 0 && sn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                    tn >>= 1;
                }
            }
            else
            {
                MerkleHash.HashChildren(sr, c, sr);
            }
            fn >>= 1;
            sn >>= 1;
            tn >>= 1;
        }

        if (tn != 0)
        {
            return Verdict.Invalid("the consistency proof is shorter than the sizes imply");
        }
        var first = MerkleVerifier.Matches(fr, subtreeHash, "first root hash");
        return first.IsValid ? MerkleVerifier.Matches(sr, rootHash, "second root hash") : first;
    }
}
