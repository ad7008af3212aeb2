using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;

namespace DataSpace.Ledger.Tests.Entries;

public sealed class LedgerEntryTests : IDisposable
{
    private readonly Ed25519Signer _a = Ed25519Signer.Generate("88.608.8889");
    private readonly Ed25519Signer _b = Ed25519Signer.Generate("88.123.4567");

    [Fact]
    public void Create_TwoSigners_ParsesBackWithSortedSignaturesAndSignedJsonInput()
    {
        var entry = LedgerEntry.Create("contract.agreed", new JsonObject { ["z"] = 1, ["a"] = "x" }, [_a, _b]);

        var parsed = LedgerEntry.Parse(entry.Bytes);

        Assert.Equal("contract.agreed", parsed.Type);
        Assert.Equal(entry.Signatures.Select(s => s.KeyId).Order(StringComparer.Ordinal), parsed.Signatures.Select(s => s.KeyId));
        Assert.Equal(SignedJson.SigningInput(entry.ToJson()), parsed.SigningInput.ToArray());
        Assert.True(SignedJson.Verify(entry.ToJson(), new VerifierKeyRing([_a.PublicKey, _b.PublicKey])).IsValid);
    }

    [Fact]
    public void Countersign_AddsSignatureInOrder_SameAsSigningTogether()
    {
        var one = LedgerEntry.Create("contract.agreed", new JsonObject { ["n"] = 1 }, [_a]).Countersign(_b);
        var both = LedgerEntry.Create("contract.agreed", new JsonObject { ["n"] = 1 }, [_b, _a]);

        Assert.Equal(both.Bytes.ToArray(), one.Bytes.ToArray());
        Assert.Throws<InvalidOperationException>(() => one.Countersign(_a));
    }

    [Fact]
    public void Countersign_KeepsCanonicalBytesOfABodyWithEscapesAndNumbers()
    {
        var body = new JsonObject { ["é"] = "tab\t\"quote\" \u2028", ["n"] = 1e21, ["list"] = new JsonArray(1, 0.5, "x"), ["a"] = new JsonObject() };

        var countersigned = LedgerEntry.Create("contract.agreed", body, [_a]).Countersign(_b);

        Assert.Equal(countersigned.Bytes.ToArray(), LedgerEntry.Parse(countersigned.Bytes).Bytes.ToArray());
        Assert.True(countersigned.IsSignedBy(_a.PublicKey) && countersigned.IsSignedBy(_b.PublicKey));
    }

    [Fact]
    public void IsSignedBy_AnotherKeyWithTheSameName_FailsAfterTheRealKeyVerified()
    {
        var entry = LedgerEntry.Create("contract.agreed", new JsonObject { ["n"] = 1 }, [_a]);
        using var impostor = Ed25519Signer.Generate("88.608.8889");

        Assert.True(entry.IsSignedBy(_a.PublicKey));
        Assert.False(entry.IsSignedBy(impostor.PublicKey));
        Assert.True(entry.IsSignedBy(_a.PublicKey));
    }

    [Fact]
    public void IsSignedBy_OwnSigner_RecognisesItsSignatureOnAParsedCopy()
    {
        var sent = LedgerEntry.Create("contract.agreed", new JsonObject { ["n"] = 1 }, [_a]).Countersign(_b);

        var back = LedgerEntry.Parse(sent.Bytes);

        Assert.True(back.IsSignedBy(_a));
        Assert.True(back.IsSignedBy(_b));
    }

    [Fact]
    public void IsSignedBy_OwnSigner_RefusesAnotherSignatureOrAnotherSigner()
    {
        var entry = LedgerEntry.Create("contract.agreed", new JsonObject { ["n"] = 1 }, [_a]);
        var json = entry.ToJson();
        // A valid signature by the same key, but over other content.
        json["signatures"]![0]!["sig"] = Convert.ToBase64String(_a.Sign("other content"u8));
        Assert.True(LedgerEntry.TryRead(json, out var swapped).IsAccepted);
        using var impostor = Ed25519Signer.Generate("88.608.8889");

        Assert.False(swapped!.IsSignedBy(_a));
        Assert.False(swapped.IsSignedBy(_a.PublicKey));
        Assert.False(LedgerEntry.Parse(entry.Bytes).IsSignedBy(impostor));
        Assert.False(LedgerEntry.Parse(entry.Bytes).IsSignedBy(_b));
    }

    [Fact]
    public void AdoptVerificationsOf_OnlySameContentAndSameSignatureBytes()
    {
        var signed = LedgerEntry.Create("contract.agreed", new JsonObject { ["n"] = 1 }, [_a]);
        Assert.True(signed.IsSignedBy(_a.PublicKey));
        var json = signed.ToJson();
        var bytes = Convert.FromBase64String(json["signatures"]![0]!["sig"]!.GetValue<string>());
        bytes[0] ^= 1;
        json["signatures"]![0]!["sig"] = Convert.ToBase64String(bytes);
        Assert.True(LedgerEntry.TryRead(json, out var forged).IsAccepted);
        var other = LedgerEntry.Create("contract.agreed", new JsonObject { ["n"] = 2 }, [_a, _b]);

        forged!.AdoptVerificationsOf(signed);
        other.AdoptVerificationsOf(signed);
        var same = LedgerEntry.Parse(signed.Countersign(_b).Bytes);
        same.AdoptVerificationsOf(signed);

        Assert.False(forged.IsSignedBy(_a.PublicKey));
        Assert.True(other.IsSignedBy(_a.PublicKey));
        Assert.True(same.IsSignedBy(_a.PublicKey) && same.IsSignedBy(_b.PublicKey));
    }

    [Fact]
    public void TryRead_ReformattedEntry_SameBytesAsTheOriginal()
    {
        var entry = LedgerEntry.Create("contract.agreed", new JsonObject { ["z"] = 1, ["a"] = new JsonArray("x", 2.50) }, [_a, _b]);
        var reformatted = JsonNode.Parse(entry.ToJson().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        Assert.True(LedgerEntry.TryRead(reformatted, out var read).IsAccepted);
        Assert.Equal(entry.Bytes.ToArray(), read!.Bytes.ToArray());
        Assert.Equal(entry.SigningInput.ToArray(), read.SigningInput.ToArray());
    }

    [Theory]
    [InlineData("""{"type":"x","body":{},"signatures":[]}""", EntryFault.NotCanonical)]
    [InlineData("""{"body":{},"signatures":[],"type":"x"}""", EntryFault.Malformed)]
    [InlineData("""{"body":{},"signatures":[{"alg":"Ed25519","kid":"a+00000000","sig":"AA=="}],"type":"x"}""", EntryFault.BadSignatureEncoding)]
    [InlineData("""{"body":{},"extra":1,"signatures":[],"type":"x"}""", EntryFault.Malformed)]
    [InlineData("""{"body":[],"signatures":[],"type":"x"}""", EntryFault.Malformed)]
    [InlineData("""{"body":{},"signatures":[{"alg":"RS256","kid":"a","sig":""}],"type":"x"}""", EntryFault.BadSignatureEncoding)]
    [InlineData("""{"body":{},"signatures":[],"type":"Bad Type"}""", EntryFault.Malformed)]
    [InlineData("""{"body":{"a":1.0},"signatures":[],"type":"x"}""", EntryFault.NotCanonical)]
    [InlineData("not json", EntryFault.Malformed)]
    public void TryParse_NotACanonicalEntry_RefusedWithReason(string text, EntryFault fault)
    {
        var verdict = LedgerEntry.TryParse(Encoding.UTF8.GetBytes(text), out var entry);

        Assert.Equal(fault, verdict.Fault);
        Assert.Null(entry);
        Assert.False(string.IsNullOrEmpty(verdict.Reason));
    }

    [Fact]
    public void TryParse_SignaturesOutOfOrder_NotCanonical()
    {
        var entry = LedgerEntry.Create("contract.agreed", new JsonObject { ["n"] = 1 }, [_a, _b]).ToJson();
        var signatures = entry["signatures"]!.AsArray();
        var reversed = new JsonArray([.. signatures.Reverse().Select(s => s!.DeepClone())]);
        entry["signatures"] = reversed;

        var verdict = LedgerEntry.TryParse(Crypto.Json.CanonicalJson.Serialize(entry), out _);

        Assert.Equal(EntryFault.NotCanonical, verdict.Fault);
    }

    [Fact]
    public void Create_SameSignerTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => LedgerEntry.Create("contract.agreed", new JsonObject { ["n"] = 1 }, [_a, _b, _a]));

    [Fact]
    public void MadeEntries_AreWhatTheStrictParserReadsFromTheirBytes()
    {
        var body = new JsonObject { ["é"] = "tab\t\"quote\"", ["n"] = 1e21, ["list"] = new JsonArray(1, 0.5, "x"), ["nested"] = new JsonObject { ["type"] = "inner" } };
        // Key names may hold characters canonical JSON escapes, or that are not ASCII.
        using var quoted = Ed25519Signer.Generate("q\"uo\\te");
        using var wide = Ed25519Signer.Generate("名前");
        LedgerEntry[] made =
        [
            LedgerEntry.Create("contract.agreed", body, [_b, _a]),
            LedgerEntry.FromRecord("transfer.started", new { Z = 1, A = "a", Nested = new { Type = "x" } }, [_a]),
            LedgerEntry.Create("contract.agreed", body, [quoted, _a, wide]),
            LedgerEntry.Create("contract.agreed", body, [_a]).Countersign(quoted).Countersign(wide),
        ];

        foreach (var entry in made)
        {
            var parsed = LedgerEntry.Parse(entry.Bytes);
            Assert.Equal(parsed.Type, entry.Type);
            Assert.Equal(parsed.SigningInput.ToArray(), entry.SigningInput.ToArray());
            Assert.Equal(parsed.Signatures.Select(s => (s.KeyId, Convert.ToBase64String(s.Signature))), entry.Signatures.Select(s => (s.KeyId, Convert.ToBase64String(s.Signature))));
            Assert.Equal(parsed.Body.GetRawText(), entry.Body.GetRawText());
            Assert.Equal(entry.Bytes.ToArray(), Encoding.UTF8.GetBytes(entry.ToElement().GetRawText()));
        }
    }

    [Fact]
    public void Create_InvalidType_Throws() =>
        Assert.Throws<ArgumentException>(() => LedgerEntry.Create("Contract Agreed", new JsonObject(), [_a]));

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}
