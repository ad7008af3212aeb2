using System.Text.Json;
using DataSpace.Crypto.Age;
using DataSpace.Testing;
using NSec.Cryptography;

namespace DataSpace.Crypto.Tests.Primitives;

/// <summary>
/// The X25519 that age identities use (NSec / libsodium), against RFC 7748 and every Wycheproof
/// case. Policy for Wycheproof's "acceptable" cases: an all-zero shared secret (ZeroSharedSecret)
/// must be refused, as the age spec requires; any other acceptable case (twist points,
/// non-canonical u) must give exactly Wycheproof's shared secret.
/// </summary>
public sealed class X25519VectorTests
{
    private static byte[]? Agree(byte[] privateKey, byte[] publicKey)
    {
        var algorithm = KeyAgreementAlgorithm.X25519;
        using var key = Key.Import(algorithm, privateKey, KeyBlobFormat.RawPrivateKey);
        var peer = PublicKey.Import(algorithm, publicKey, KeyBlobFormat.RawPublicKey);
        using var secret = algorithm.Agree(key, peer, new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return secret?.Export(SharedSecretBlobFormat.RawSharedSecret);
    }

    [Fact]
    public void Agree_Rfc7748DiffieHellman_MatchesBothWays()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.ConformanceFile("rfc-kat", "rfc7748-x25519.json")));
        var dh = doc.RootElement.GetProperty("section6_1_diffieHellman");
        var shared = dh.Hex("sharedSecret");
        Assert.Equal(shared, Agree(dh.Hex("alicePrivate"), dh.Hex("bobPublic")));
        Assert.Equal(shared, Agree(dh.Hex("bobPrivate"), dh.Hex("alicePublic")));
    }

    [Fact]
    public void Agree_WycheproofCases_AllGiveTheExpectedResult()
    {
        var wrong = new List<string>();
        var count = 0;
        foreach (var (_, test) in WycheproofFile.Tests("x25519_test.json"))
        {
            count++;
            var shared = Agree(test.Hex("private"), test.Hex("public"));
            var expected = test.Hex("shared");
            var mustRefuse = test.HasFlag("ZeroSharedSecret");
            var ok = mustRefuse ? shared is null : shared is not null && shared.AsSpan().SequenceEqual(expected);
            if (!ok)
            {
                wrong.Add($"tcId {test.GetProperty("tcId").GetInt32()}");
            }
        }
        Assert.Equal(518, count);
        Assert.Empty(wrong);
    }

    [Fact]
    public void Unwrap_StanzaWithLowOrderShare_IsAHeaderFailure()
    {
        // A share of order 1 (u = 0) makes every X25519 output all zero: age says abort.
        using var identity = X25519Identity.Generate();
        var stanza = new AgeStanza("X25519", [Base64Unpadded.Encode(new byte[32])], new byte[32]);

        var error = Assert.Throws<AgeException>(() => identity.Unwrap([stanza]));

        Assert.Equal(AgeErrorKind.Header, error.Kind);
    }
}
