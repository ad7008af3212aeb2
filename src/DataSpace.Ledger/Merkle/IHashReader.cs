namespace DataSpace.Ledger.Merkle;

/// <summary>
/// Serves the hashes of complete tree nodes, addressed by (level, index). Proof and root
/// computation are pure functions over this seam (as Go's <c>sumdb/tlog.HashReader</c>), so the
/// in-memory tree, the file store and a remote tile store can all serve them.
/// </summary>
public interface IHashReader
{
    /// <summary>
    /// Writes the hash of each node in <paramref name="nodes"/>, in order, to
    /// <paramref name="destination"/> (<see cref="MerkleHash.Size"/> bytes each).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A node is not complete in the tree this reader serves.</exception>
    void ReadHashes(ReadOnlySpan<NodeIndex> nodes, Span<byte> destination);
}
