using System.Text.Json.Nodes;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Crypto.Tests.Signatures;

public sealed class SignedJsonTests : IDisposable
{
    private readonly Ed25519Signer _provider = Ed25519Signer.Generate("88.608.8889");
    private readonly Ed25519Signer _consumer = Ed25519Signer.Generate("88.123.4567");
    private readonly VerifierKeyRing _ring;

    public SignedJsonTests()
    {
        _ring = new VerifierKeyRing([_provider.PublicKey, _consumer.PublicKey]);
    }

    private static JsonObject Agreement() => new()
    {
        ["agreementId"] = "a-1",
        ["asset"] = "88.608.8889/PRD-0001",
        ["terms"] = new JsonObject { ["purposes"] = new JsonArray("quality-analysis"), ["maxUses"] = 3 },
    };

    [Fact]
    public void Verify_SignedByBothParties_ReportsBothSigners()
    {
        var signed = SignedJson.Sign(SignedJson.Sign(Agreement(), _provider), _consumer);

        var result = SignedJson.Verify(signed, _ring, [_provider.PublicKey.KeyId, "88.123.4567"]);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal([_provider.PublicKey, _consumer.PublicKey], result.Signers);
    }

    [Fact]
    public void Verify_SurvivesReserialisationInAnotherMemberOrder()
    {
        var signed = SignedJson.Sign(Agreement(), _provider);
        var reordered = new JsonObject();
        foreach (var (name, value) in signed.Reverse())
        {
            reordered[name] = value?.DeepClone();
        }
        Assert.True(SignedJson.Verify(reordered, _ring).IsValid);
    }

    [Fact]
    public void Verify_AnyChangedValue_IsInvalid()
    {
        var signed = SignedJson.Sign(Agreement(), _provider);
        signed["terms"]!["maxUses"] = 4;
        Assert.Equal(SignatureFailure.Invalid, SignedJson.Verify(signed, _ring).Failure);
    }

    [Fact]
    public void Verify_EveryFlippedSignatureBit_IsRejected()
    {
        var signed = SignedJson.Sign(Agreement(), _provider);
        var sig = Convert.FromBase64String((string)signed["signatures"]![0]!["sig"]!);
        for (var bit = 0; bit < sig.Length * 8; bit++)
        {
            var copy = (JsonObject)signed.DeepClone();
            var flipped = (byte[])sig.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            copy["signatures"]![0]!["sig"] = Convert.ToBase64String(flipped);
            Assert.False(SignedJson.Verify(copy, _ring).IsValid, $"bit {bit}");
        }
    }

    [Fact]
    public void Verify_UnknownKey_FailsClosed()
    {
        using var stranger = Ed25519Signer.Generate("88.999.0001");
        var result = SignedJson.Verify(SignedJson.Sign(Agreement(), stranger), _ring);
        Assert.Equal(SignatureFailure.UnknownKey, result.Failure);
        Assert.Contains("88.999.0001", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongAlgorithm_FailsClosed()
    {
        var signed = SignedJson.Sign(Agreement(), _provider);
        signed["signatures"]![0]!["alg"] = "ES256";
        Assert.Equal(SignatureFailure.UnsupportedAlgorithm, SignedJson.Verify(signed, _ring).Failure);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void Verify_BadBase64_FailsClosed(string sig)
    {
        var signed = SignedJson.Sign(Agreement(), _provider);
        signed["signatures"]![0]!["sig"] = sig;
        Assert.Equal(SignatureFailure.BadEncoding, SignedJson.Verify(signed, _ring).Failure);
    }

    [Fact]
    public void Verify_NonCanonicalBase64_FailsClosed()
    {
        var signed = SignedJson.Sign(Agreement(), _provider);
        var sig = (string)signed["signatures"]![0]!["sig"]!;
        // The last character before "==" carries 4 unused bits; setting one keeps the bytes but breaks canonicality.
        var chars = sig.ToCharArray();
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        chars[^3] = alphabet[alphabet.IndexOf(chars[^3]) | 1];
        signed["signatures"]![0]!["sig"] = new string(chars);
        Assert.False(SignedJson.Verify(signed, _ring).IsValid);
    }

    [Fact]
    public void Verify_MissingRequiredSigner_Fails()
    {
        var signed = SignedJson.Sign(Agreement(), _provider);
        Assert.Equal(SignatureFailure.MissingSigner, SignedJson.Verify(signed, _ring, ["88.123.4567"]).Failure);
    }

    [Fact]
    public void Verify_NoSignatures_Fails()
    {
        Assert.Equal(SignatureFailure.Unsigned, SignedJson.Verify(Agreement(), _ring).Failure);
        var empty = Agreement();
        empty["signatures"] = new JsonArray();
        Assert.Equal(SignatureFailure.Unsigned, SignedJson.Verify(empty, _ring).Failure);
    }

    [Fact]
    public void Verify_ExtraMemberInSignature_IsMalformed()
    {
        var signed = SignedJson.Sign(Agreement(), _provider);
        signed["signatures"]![0]!["note"] = "x";
        Assert.Equal(SignatureFailure.Malformed, SignedJson.Verify(signed, _ring).Failure);
    }

    [Fact]
    public void Verify_SameSignatureTwice_IsRejected()
    {
        var signed = SignedJson.Sign(Agreement(), _provider);
        ((JsonArray)signed["signatures"]!).Add(signed["signatures"]![0]!.DeepClone());
        Assert.Equal(SignatureFailure.DuplicateSigner, SignedJson.Verify(signed, _ring).Failure);
    }

    [Fact]
    public void Sign_SameKeyTwice_Throws() =>
        Assert.Throws<InvalidOperationException>(() => SignedJson.Sign(SignedJson.Sign(Agreement(), _provider), _provider));

    [Fact]
    public void AddSignature_SignsTheDocumentItself_AsSignDoesACopy()
    {
        var document = Agreement();
        var copy = SignedJson.Sign(Agreement(), _provider);

        var signed = SignedJson.AddSignature(document, _provider);

        Assert.Same(document, signed);
        Assert.Equal(copy.ToJsonString(), signed.ToJsonString());
        Assert.True(SignedJson.Verify(signed, _ring).IsValid);
    }

    [Fact]
    public void Verify_Valid_GivesTheSignedContentAsCanonicalBytesWithoutSignatures()
    {
        var signed = SignedJson.Sign(SignedJson.Sign(Agreement(), _provider), _consumer);

        var result = SignedJson.Verify(signed, _ring, null, out var content);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal("""{"agreementId":"a-1","asset":"88.608.8889/PRD-0001","terms":{"maxUses":3,"purposes":["quality-analysis"]}}""",
            System.Text.Encoding.UTF8.GetString(content!));
    }

    [Fact]
    public void Verify_Invalid_GivesNoContent()
    {
        var signed = SignedJson.Sign(Agreement(), _provider);
        signed["terms"]!["maxUses"] = 4;

        var result = SignedJson.Verify(signed, _ring, null, out var content);

        Assert.Equal(SignatureFailure.Invalid, result.Failure);
        Assert.Null(content);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _consumer.Dispose();
    }
}
