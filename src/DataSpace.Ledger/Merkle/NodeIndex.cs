namespace DataSpace.Ledger.Merkle;

/// <summary>
/// A complete (perfect) node of the tree: the root of the leaves
/// <c>[Index·2^Level, (Index+1)·2^Level)</c>. Once the tree has grown past its last leaf a
/// complete node never changes, which is why it can be stored, cached and served as a tile
/// (C2SP tlog-tiles addresses hashes the same way, by level and index).
/// </summary>
/// <param name="Level">Height above the leaves; level 0 holds the leaf hashes.</param>
/// <param name="Index">Position of the node within its level, from the left.</param>
public readonly record struct NodeIndex(int Level, ulong Index)
{
    /// <summary>The first leaf covered by this node.</summary>
    public ulong FirstLeaf => Index << Level;

    /// <summary>One past the last leaf covered by this node.</summary>
    public ulong EndLeaf => (Index + 1) << Level;
}
