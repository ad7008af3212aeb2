using System.Security.Cryptography;
using System.Text.Json;
using DataSpace.Testing;

namespace DataSpace.Crypto.Tests.Primitives;

/// <summary>
/// The ChaCha20-Poly1305 (age payload, file-key wrap) and HKDF-SHA-256 (every age key
/// derivation) that DataSpace uses — .NET's, backed by OpenSSL — against RFC 8439 / RFC 5869 and
/// every Wycheproof case.
/// </summary>
public sealed class AeadAndKdfVectorTests
{
    [Fact]
    public void ChaCha20Poly1305_WycheproofCases_AllGiveTheExpectedResult()
    {
        var wrong = new List<string>();
        var count = 0;
        foreach (var (group, test) in WycheproofFile.Tests("chacha20_poly1305_test.json"))
        {
            count++;
            var valid = test.GetProperty("result").GetString() == "valid";
            var outcome = Open(test);
            if (valid ? outcome is null || !outcome.AsSpan().SequenceEqual(test.Hex("msg")) : outcome is not null)
            {
                wrong.Add($"tcId {test.GetProperty("tcId").GetInt32()} (iv {group.GetProperty("ivSize").GetInt32()} bits)");
            }
            if (valid && !Seal(test).AsSpan().SequenceEqual([.. test.Hex("ct"), .. test.Hex("tag")]))
            {
                wrong.Add($"tcId {test.GetProperty("tcId").GetInt32()} seal");
            }
        }
        Assert.Equal(325, count);
        Assert.Empty(wrong);
    }

    [Fact]
    public void Hkdf_WycheproofCases_AllGiveTheExpectedResult()
    {
        var wrong = new List<string>();
        foreach (var (_, test) in WycheproofFile.Tests("hkdf_sha256_test.json"))
        {
            var size = test.GetProperty("size").GetInt32();
            byte[]? okm;
            try
            {
                okm = new byte[size];
                HKDF.DeriveKey(HashAlgorithmName.SHA256, test.Hex("ikm"), okm, test.Hex("salt"), test.Hex("info"));
            }
            catch (ArgumentException)
            {
                okm = null;
            }
            var valid = test.GetProperty("result").GetString() == "valid";
            if (valid ? okm is null || !okm.AsSpan().SequenceEqual(test.Hex("okm")) : okm is not null)
            {
                wrong.Add($"tcId {test.GetProperty("tcId").GetInt32()}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void Hkdf_Rfc5869KnownAnswers_Match()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.ConformanceFile("rfc-kat", "rfc5869-hkdf-sha256.json")));
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var prk = HKDF.Extract(HashAlgorithmName.SHA256, v.Hex("ikm"), v.Hex("salt"));
            Assert.Equal(v.Hex("prk"), prk);
            Assert.Equal(v.Hex("okm"), HKDF.Expand(HashAlgorithmName.SHA256, prk, v.GetProperty("length").GetInt32(), v.Hex("info")));
        }
    }

    [Fact]
    public void ChaCha20Poly1305_Rfc8439KnownAnswer_Matches()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.ConformanceFile("rfc-kat", "rfc8439-chacha20poly1305.json")));
        var v = doc.RootElement.GetProperty("vectors")[0];
        using var aead = new ChaCha20Poly1305(v.Hex("key"));
        var plaintext = v.Hex("plaintext");
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        aead.Encrypt(v.Hex("nonce"), plaintext, ciphertext, tag, v.Hex("aad"));
        Assert.Equal(v.Hex("ciphertext"), ciphertext);
        Assert.Equal(v.Hex("tag"), tag);
    }

    private static byte[]? Open(JsonElement test)
    {
        try
        {
            using var aead = new ChaCha20Poly1305(test.Hex("key"));
            var plaintext = new byte[test.Hex("ct").Length];
            aead.Decrypt(test.Hex("iv"), test.Hex("ct"), test.Hex("tag"), plaintext, test.Hex("aad"));
            return plaintext;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    private static byte[] Seal(JsonElement test)
    {
        using var aead = new ChaCha20Poly1305(test.Hex("key"));
        var msg = test.Hex("msg");
        var ciphertext = new byte[msg.Length];
        var tag = new byte[16];
        aead.Encrypt(test.Hex("iv"), msg, ciphertext, tag, test.Hex("aad"));
        return [.. ciphertext, .. tag];
    }
}
