using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DataSpace.Policy;

/// <summary>
/// The bundle digest (docs/formats.md, "Policy bundle digest"): SHA-256 over the bundle's files in
/// ascending ordinal order of their UTF-8 names, each as
/// <c>uint64be(len(name)) ‖ name ‖ uint64be(len(content)) ‖ content</c>, written <c>sha256:</c> + lowercase hex.
/// </summary>
/// <remarks>
/// Length prefixes make the encoding injective: no two different file sets hash the same input, so
/// moving bytes between a name and a content, or between two files, changes the digest. The order of
/// files on disk or in the tar archive does not.
/// </remarks>
public static class BundleDigest
{
    /// <summary>The prefix of every digest string.</summary>
    public const string Prefix = "sha256:";

    /// <summary>Computes the digest of a set of files.</summary>
    /// <exception cref="ArgumentException">Two files have the same name.</exception>
    public static string Compute(IEnumerable<BundleFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var named = files.Select(f => (Name: Encoding.UTF8.GetBytes(f.Name), File: f)).ToList();
        named.Sort((a, b) => a.Name.AsSpan().SequenceCompareTo(b.Name));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        for (var i = 0; i < named.Count; i++)
        {
            if (i > 0 && named[i].Name.AsSpan().SequenceEqual(named[i - 1].Name))
            {
                throw new ArgumentException($"the bundle has two files named '{named[i].File.Name}'.", nameof(files));
            }
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)named[i].Name.Length);
            hash.AppendData(length);
            hash.AppendData(named[i].Name);
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)named[i].File.Content.Length);
            hash.AppendData(length);
            hash.AppendData(named[i].File.Content.Span);
        }
        return Prefix + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
