using System.Security.Cryptography;
using System.Text;
using DataSpace.Policy.Tests.Support;

namespace DataSpace.Policy.Tests.Bundles;

public sealed class BundleDigestTests
{
    [Fact]
    public void Compute_FilesInAnyOrder_SameDigest()
    {
        BundleFile[] files = [TestBundles.File("b.rego", "package b"), TestBundles.File("a/data.json", "{}"), TestBundles.File(".manifest", "{}")];

        var forward = BundleDigest.Compute(files);
        var backward = BundleDigest.Compute(files.Reverse());

        Assert.Equal(forward, backward);
        Assert.StartsWith("sha256:", forward);
        Assert.Equal(7 + 64, forward.Length);
    }

    [Fact]
    public void Compute_OneFile_MatchesTheDocumentedEncoding()
    {
        // uint64be(len(name)) || name || uint64be(len(content)) || content, per docs/formats.md.
        var expected = new List<byte>();
        expected.AddRange([0, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0, 0, 0, 0, 0, 0, 0, 2, (byte)'x', (byte)'y']);

        var digest = BundleDigest.Compute([TestBundles.File("a", "xy")]);

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(expected.ToArray())), digest);
    }

    [Fact]
    public void Compute_BytesMovedBetweenNameAndContent_DifferentDigest()
    {
        var one = BundleDigest.Compute([TestBundles.File("ab", "c")]);
        var other = BundleDigest.Compute([TestBundles.File("a", "bc")]);

        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Compute_SortsByUtf8BytesNotCulture()
    {
        // "Z" (0x5A) sorts before "a" (0x61) and "é" (0xC3 0xA9) after both, whatever the culture.
        var files = new[] { TestBundles.File("é.rego", "1"), TestBundles.File("a.rego", "2"), TestBundles.File("Z.rego", "3") };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in new[] { ("Z.rego", "3"), ("a.rego", "2"), ("é.rego", "1") })
        {
            var n = Encoding.UTF8.GetBytes(name);
            hash.AppendData(BigEndian(n.Length));
            hash.AppendData(n);
            hash.AppendData(BigEndian(content.Length));
            hash.AppendData(Encoding.UTF8.GetBytes(content));
        }

        Assert.Equal("sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()), BundleDigest.Compute(files));
    }

    [Fact]
    public void Compute_DuplicateNames_Throws()
    {
        Assert.Throws<ArgumentException>(() => BundleDigest.Compute([TestBundles.File("a.rego", "1"), TestBundles.File("a.rego", "2")]));
    }

    private static byte[] BigEndian(long value)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        return bytes;
    }
}
