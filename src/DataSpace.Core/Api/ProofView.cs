namespace DataSpace.Core.Api;

/// <summary>A Merkle proof from the ledger API (RFC 9162): the audit path as base64 hashes.</summary>
/// <param name="Index">Leaf index (inclusion) or first size (consistency).</param>
/// <param name="Size">Tree size.</param>
/// <param name="From">First size, for a consistency proof.</param>
/// <param name="Hashes">The proof hashes, base64.</param>
public sealed record ProofView(ulong Index, ulong Size, IReadOnlyList<string> Hashes, ulong? From = null)
{
    /// <summary>The hashes as bytes.</summary>
    public IReadOnlyList<byte[]> Decode() => [.. Hashes.Select(Convert.FromBase64String)];
}
