using DataSpace.Ledger.Merkle;

namespace DataSpace.Ledger.Storage;

/// <summary>
/// An append-only log of opaque leaves with its Merkle tree. Byte-oriented on purpose: ledger
/// entries (canonical JSON) are encoded above this seam. Leaf i is hashed as RFC 6962
/// <c>SHA-256(0x00 || leaf)</c>.
/// </summary>
/// <remarks>
/// Durability rules, as MUSTs for every implementation: an append MUST NOT complete before the
/// leaf is durable; a leaf MUST NOT be readable, counted in <see cref="Size"/> or served through
/// <see cref="Hashes"/> before it is durable; leaves MUST never change once durable.
/// </remarks>
public interface ILedgerStore : IAsyncDisposable
{
    /// <summary>Number of durable leaves.</summary>
    ulong Size { get; }

    /// <summary>The complete node hashes of the tree, for roots and proofs at any size ≤ <see cref="Size"/>.</summary>
    IHashReader Hashes { get; }

    /// <summary>
    /// Appends a leaf and completes once it is durable, returning its index. The token is checked
    /// before the leaf is queued; once queued, the append runs to completion.
    /// </summary>
    ValueTask<ulong> AppendAsync(ReadOnlyMemory<byte> leaf, CancellationToken cancellationToken = default);

    /// <summary>Reads the leaf at <paramref name="index"/>, which must be below <see cref="Size"/>.</summary>
    ValueTask<byte[]> ReadLeafAsync(ulong index, CancellationToken cancellationToken = default);
}
