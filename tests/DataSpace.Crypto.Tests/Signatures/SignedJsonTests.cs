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

    [Fact]
    public void SignContent_MessageVerifiesAsElementAndAsNode_AndGivesBackTheContent()
    {
        var content = DataSpace.Crypto.Json.CanonicalJson.Serialize(Agreement());

        var message = SignedJson.SignContent(content, _provider);

        using var document = System.Text.Json.JsonDocument.Parse(message);
        var asElement = SignedJson.Verify(document.RootElement, _ring, [_provider.PublicKey.KeyId], out var signed);
        Assert.True(asElement.IsValid, asElement.Message);
        Assert.Equal(content, signed);
        Assert.True(SignedJson.Verify(JsonNode.Parse(message)!.AsObject(), _ring).IsValid);
    }

    [Fact]
    public void SignContent_EmptyObject_IsAnObjectWithOnlySignatures()
    {
        var message = SignedJson.SignContent("{}"u8, _provider);

        using var document = System.Text.Json.JsonDocument.Parse(message);
        Assert.True(SignedJson.Verify(document.RootElement, _ring, null, out var signed).IsValid);
        Assert.Equal("{}"u8.ToArray(), signed);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("")]
    public void SignContent_NotAnObject_Throws(string content) =>
        Assert.Throws<ArgumentException>(() => SignedJson.SignContent(System.Text.Encoding.UTF8.GetBytes(content), _provider));

    [Fact]
    public void VerifyElement_NodeSignedDocument_SameVerdictsAsTheNodeCheck()
    {
        var signed = SignedJson.Sign(SignedJson.Sign(Agreement(), _provider), _consumer);
        using var valid = System.Text.Json.JsonDocument.Parse(signed.ToJsonString());
        Assert.True(SignedJson.Verify(valid.RootElement, _ring, [_provider.PublicKey.KeyId, _consumer.PublicKey.KeyId], out _).IsValid);

        signed["terms"]!["maxUses"] = 4;
        using var changed = System.Text.Json.JsonDocument.Parse(signed.ToJsonString());
        Assert.Equal(SignatureFailure.Invalid, SignedJson.Verify(changed.RootElement, _ring, null, out var content).Failure);
        Assert.Null(content);
    }

    [Fact]
    public void VerifyElement_SignaturesTwice_IsMalformed()
    {
        var message = System.Text.Encoding.UTF8.GetString(SignedJson.SignContent(DataSpace.Crypto.Json.CanonicalJson.Serialize(Agreement()), _provider));
        var twice = message.Replace("{\"signatures\":", "{\"signatures\":[],\"signatures\":", StringComparison.Ordinal);

        using var document = System.Text.Json.JsonDocument.Parse(twice);

        Assert.Equal(SignatureFailure.Malformed, SignedJson.Verify(document.RootElement, _ring, null, out _).Failure);
    }

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("{\"signatures\":{}}")]
    [InlineData("[1]")]
    public void VerifyElement_NoSignaturesArray_Unsigned(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(SignatureFailure.Unsigned, SignedJson.Verify(document.RootElement, _ring, null, out _).Failure);
    }

    public void Dispose()
    {
        _provider.Dispose();
        _consumer.Dispose();
    }
}
