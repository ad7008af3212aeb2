using System.IO.Compression;
using System.Text;
using DataSpace.Testing;

namespace DataSpace.Crypto.Tests.Age;

/// <summary>
/// One CCTV age testkit file (CCTV-age-README.md, "Test file format"): <c>key: value</c> lines,
/// an empty line, then the age file, possibly zlib-compressed. Read in place, never copied.
/// </summary>
internal sealed class TestkitVector
{
    private TestkitVector(string name, ILookup<string, string> fields, byte[] body)
    {
        Name = name;
        Fields = fields;
        Body = body;
    }

    public string Name { get; }

    public ILookup<string, string> Fields { get; }

    public string Expect => Fields["expect"].Single();

    public string? Payload => Fields["payload"].SingleOrDefault();

    public IEnumerable<string> Identities => Fields["identity"];

    public IEnumerable<string> Passphrases => Fields["passphrase"];

    public bool Armored => Fields["armored"].SingleOrDefault() == "yes";

    public bool Compressed => Fields["compressed"].SingleOrDefault() == "zlib";

    /// <summary>The age file bytes as stored (compressed when <see cref="Compressed"/>).</summary>
    public byte[] Body { get; }

    public static IEnumerable<string> Names =>
        Directory.GetFiles(RepositoryPaths.ConformanceFile("age", "testkit")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static TestkitVector Load(string name)
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.ConformanceFile("age", "testkit", name));
        var split = bytes.AsSpan().IndexOf("\n\n"u8);
        var fields = Encoding.UTF8.GetString(bytes, 0, split)
            .Split('\n')
            .Select(line => line.Split(": ", 2))
            .ToLookup(pair => pair[0], pair => pair[1]);
        return new TestkitVector(name, fields, bytes[(split + 2)..]);
    }

    /// <summary>The age file, decompressed on the fly where needed.</summary>
    public Stream OpenAgeFile()
    {
        Stream stream = new MemoryStream(Body, writable: false);
        return Compressed ? new ZLibStream(stream, CompressionMode.Decompress) : stream;
    }

    public byte[] ReadAgeFile()
    {
        using var stream = OpenAgeFile();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
