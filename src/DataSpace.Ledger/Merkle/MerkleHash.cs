using System.Buffers;
using System.Security.Cryptography;

namespace DataSpace.Ledger.Merkle;

/// <summary>
/// The RFC 6962 §2.1 (RFC 9162 §2.1.1) hash functions over SHA-256: leaves are hashed as
/// <c>SHA-256(0x00 || leaf)</c>, interior nodes as <c>SHA-256(0x01 || left || right)</c>; the
/// distinct prefixes give second-preimage resistance between leaves and nodes. The empty tree
/// hashes to <c>SHA-256("")</c>.
/// </summary>
public static class MerkleHash
{
    /// <summary>Size of every hash in the tree, in bytes (SHA-256).</summary>
    public const int Size = 32;

    private const int StackLimit = 1024;

    /// <summary>MTH({}) = SHA-256 of the empty string (RFC 9162 §2.1.1).</summary>
    public static ReadOnlySpan<byte> EmptyRoot =>
    [
        0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
        0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
    ];

    /// <summary>Returns the leaf hash <c>SHA-256(0x00 || leaf)</c>.</summary>
    public static byte[] HashLeaf(ReadOnlySpan<byte> leaf)
    {
        var hash = new byte[Size];
        HashLeaf(leaf, hash);
        return hash;
    }

    /// <summary>Writes the leaf hash <c>SHA-256(0x00 || leaf)</c> to <paramref name="destination"/>.</summary>
    public static void HashLeaf(ReadOnlySpan<byte> leaf, Span<byte> destination) =>
        HashPrefixed(0x00, leaf, [], destination);

    /// <summary>Returns the node hash <c>SHA-256(0x01 || left || right)</c>.</summary>
    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        HashChildren(left, right, hash);
        return hash;
    }

    /// <summary>Writes the node hash <c>SHA-256(0x01 || left || right)</c> to <paramref name="destination"/>.</summary>
    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination) =>
        HashPrefixed(0x01, left, right, destination);

    private static void HashPrefixed(byte prefix, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException($"The destination must hold {Size} bytes.", nameof(destination));
        }
        var length = 1 + first.Length + second.Length;
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            buffer[0] = prefix;
            first.CopyTo(buffer[1..]);
            second.CopyTo(buffer[(1 + first.Length)..]);
            SHA256.HashData(buffer, destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
