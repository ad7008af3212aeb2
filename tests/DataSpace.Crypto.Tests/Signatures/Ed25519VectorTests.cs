using System.Text.Json;
using DataSpace.Crypto.Signatures;
using DataSpace.Testing;

namespace DataSpace.Crypto.Tests.Signatures;

/// <summary>Ed25519 against RFC 8032 §7.1 known answers and every Wycheproof case.</summary>
public sealed class Ed25519VectorTests
{
    [Fact]
    public void Sign_Rfc8032KnownAnswers_MatchByteForByte()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.ConformanceFile("rfc-kat", "rfc8032-ed25519.json")));
        var vectors = doc.RootElement.GetProperty("vectors").EnumerateArray().ToList();
        Assert.Equal(5, vectors.Count);
        foreach (var v in vectors)
        {
            using var signer = Ed25519Signer.FromSeed("kat", Convert.FromHexString(v.GetProperty("secretKey").GetString()!));
            var message = Convert.FromHexString(v.GetProperty("message").GetString()!);
            var expected = Convert.FromHexString(v.GetProperty("signature").GetString()!);

            Assert.Equal(Convert.FromHexString(v.GetProperty("publicKey").GetString()!), signer.PublicKey.Key.ToArray());
            Assert.Equal(expected, signer.Sign(message));
            Assert.True(signer.PublicKey.Verify(message, expected));
        }
    }

    [Fact]
    public void Verify_WycheproofCases_AllGiveTheExpectedResult()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.ConformanceFile("wycheproof", "ed25519_test.json")));
        var count = 0;
        var wrong = new List<string>();
        foreach (var group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            var key = Ed25519PublicKey.FromRaw("wycheproof", Convert.FromHexString(group.GetProperty("publicKey").GetProperty("pk").GetString()!));
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                count++;
                var verified = key.Verify(
                    Convert.FromHexString(test.GetProperty("msg").GetString()!),
                    Convert.FromHexString(test.GetProperty("sig").GetString()!));
                var expectValid = test.GetProperty("result").GetString() == "valid";
                if (verified != expectValid)
                {
                    wrong.Add($"tcId {test.GetProperty("tcId").GetInt32()}: expected {(expectValid ? "valid" : "invalid")}");
                }
            }
        }
        Assert.Equal(151, count);
        Assert.Empty(wrong);
    }
}
