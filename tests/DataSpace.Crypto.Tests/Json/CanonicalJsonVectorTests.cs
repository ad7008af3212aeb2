using System.IO.Compression;
using System.Text;
using DataSpace.Crypto.Json;
using DataSpace.Testing;

namespace DataSpace.Crypto.Tests.Json;

/// <summary>RFC 8785 conformance: cyberphone's canonicalisation documents and ES6 number lines.</summary>
public sealed class CanonicalJsonVectorTests
{
    public static TheoryData<string> Documents => new(
        Directory.GetFiles(RepositoryPaths.ConformanceFile("jcs", "input"), "*.json").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Canonicalize_ConformanceDocument_MatchesExpectedBytes(string name)
    {
        var input = File.ReadAllBytes(RepositoryPaths.ConformanceFile("jcs", "input", name + ".json"));
        var expected = File.ReadAllBytes(RepositoryPaths.ConformanceFile("jcs", "output", name + ".json"));

        var actual = CanonicalJson.Canonicalize(input);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Canonicalize_ConformanceDocuments_AllSixPresent() => Assert.Equal(6, Documents.Count);

    [Fact]
    public void Format_Es6TestFile100k_EveryLineMatches()
    {
        using var file = File.OpenRead(RepositoryPaths.ConformanceFile("jcs", "es6-numbers", "es6testfile-100k.txt.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.ASCII);

        var lines = 0;
        var failures = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines++;
            var comma = line.IndexOf(',');
            var bits = Convert.ToUInt64(line[..comma], 16);
            var expected = line[(comma + 1)..];
            var actual = Es6NumberFormatter.Format(BitConverter.UInt64BitsToDouble(bits));
            if (actual != expected && failures.Count < 10)
            {
                failures.Add($"{line[..comma]}: expected {expected}, got {actual}");
            }
        }

        Assert.Equal(100_000, lines);
        Assert.Empty(failures);
    }

    [Fact]
    public void Format_UpstreamSampleLines_Match()
    {
        foreach (var line in File.ReadAllLines(RepositoryPaths.ConformanceFile("jcs", "es6-numbers", "upstream-sample-lines.txt")))
        {
            var comma = line.IndexOf(',');
            if (comma < 0)
            {
                continue;
            }
            var bits = Convert.ToUInt64(line[..comma], 16);
            Assert.Equal(line[(comma + 1)..], Es6NumberFormatter.Format(BitConverter.UInt64BitsToDouble(bits)));
        }
    }
}
