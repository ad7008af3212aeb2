using System.Text.Json.Nodes;
using DataSpace.Core.Json;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;

namespace DataSpace.Ledger.Tests.Entries;

/// <summary>An entry made from a record's text is the entry made from its node tree, byte for byte.</summary>
public sealed class LedgerEntryFromRecordTests : IDisposable
{
    private readonly Ed25519Signer _a = Ed25519Signer.Generate("88.608.8889");
    private readonly Ed25519Signer _b = Ed25519Signer.Generate("88.123.4567");

    private sealed record Sample(string Name, long Count, double Ratio, DateTimeOffset At, IReadOnlyList<string> Tags, JsonObject Extra, string? Missing);

    private sealed record Small(string Name, int Count);

    private static Sample Record() => new(
        "Überprüfung \u20ac \U0001F600 \"quoted\" \\ tab\t", 9007199254740993, 1e-7, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
        ["b", "a", "é"], new JsonObject { ["z"] = 1.5, ["a"] = new JsonArray(true, null, "x"), ["\u00e9"] = new JsonObject() }, null);

    [Fact]
    public void FromRecord_SameBytesAsCreateFromTheRecordsNode()
    {
        var fromText = LedgerEntry.FromRecord("sample.recorded", Record(), [_a, _b]);
        var fromNode = LedgerEntry.Create("sample.recorded", DomainJson.ToNode(Record()), [_a, _b]);

        Assert.Equal(fromNode.Bytes.ToArray(), fromText.Bytes.ToArray());
        Assert.Equal(fromNode.SigningInput.ToArray(), fromText.SigningInput.ToArray());
    }

    [Fact]
    public void FromRecord_SignaturesItMadeCountAsVerified_AndVerifyForAnyoneElse()
    {
        var entry = LedgerEntry.FromRecord("sample.recorded", Record(), [_a]);

        Assert.True(entry.IsSignedBy(_a.PublicKey));
        var reread = LedgerEntry.Parse(entry.Bytes);
        Assert.True(reread.IsSignedBy(_a.PublicKey));
        Assert.False(reread.IsSignedBy(_b.PublicKey));
    }

    [Fact]
    public void FromRecord_NotAnObject_Throws() =>
        Assert.Throws<ArgumentException>(() => LedgerEntry.FromRecord("sample.recorded", new[] { 1, 2 }, [_a]));

    [Fact]
    public void FromRecord_BadType_Throws() =>
        Assert.Throws<ArgumentException>(() => LedgerEntry.FromRecord("Not A Type", Record(), [_a]));

    [Fact]
    public void FromRecord_NoSigner_Throws() =>
        Assert.Throws<ArgumentException>(() => LedgerEntry.FromRecord("sample.recorded", Record(), []));

    [Fact]
    public void TryRead_FromAParsedDocument_SameEntryAsFromItsNode()
    {
        var sent = LedgerEntry.FromRecord("sample.recorded", Record(), [_a, _b]).ToJson().ToJsonString(); // not canonical: any member order, escapes
        using var document = System.Text.Json.JsonDocument.Parse(sent);

        Assert.True(LedgerEntry.TryRead(document.RootElement, out var fromElement).IsAccepted);
        Assert.True(LedgerEntry.TryRead(JsonNode.Parse(sent), out var fromNode).IsAccepted);
        Assert.Equal(fromNode!.Bytes.ToArray(), fromElement!.Bytes.ToArray());
    }

    [Fact]
    public void TryRead_CanonicalDocument_SameEntry_AndOutlivesTheDocument()
    {
        var made = LedgerEntry.FromRecord("sample.recorded", Record(), [_a, _b]);
        LedgerEntry? read;
        using (var document = System.Text.Json.JsonDocument.Parse(made.Bytes))
        {
            Assert.True(LedgerEntry.TryRead(document.RootElement, out read).IsAccepted);
        }

        Assert.Equal(made.Bytes.ToArray(), read!.Bytes.ToArray());
        Assert.Equal(made.SigningInput.ToArray(), read.SigningInput.ToArray());
        Assert.Equal(made.Body.GetRawText(), read.Body.GetRawText());
        Assert.Equal(made.Bytes.ToArray(), System.Text.Encoding.UTF8.GetBytes(read.ToElement().GetRawText()));
        Assert.True(read.IsSignedBy(_a.PublicKey));
    }

    [Fact]
    public void ReadBody_CountersignedCopy_ReusesTheRecordRead()
    {
        var made = LedgerEntry.FromRecord("small.recorded", new Small("a", 1), [_a]);
        var read = made.ReadBody<Small>("the record");

        Assert.Equal(new Small("a", 1), read.Value);
        Assert.Same(read.Value, made.Countersign(_b).ReadBody<Small>("the record").Value);
        Assert.NotSame(read.Value, LedgerEntry.Parse(made.Bytes).ReadBody<Small>("the record").Value);
    }

    [Fact]
    public void TryRead_MissingValue_Malformed()
    {
        var verdict = LedgerEntry.TryRead(default(System.Text.Json.JsonElement), out var entry);

        Assert.Equal(EntryFault.Malformed, verdict.Fault);
        Assert.Null(entry);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("{\"type\":\"a.b\",\"type\":\"c.d\",\"body\":{},\"signatures\":[]}")]
    public void TryRead_FromAParsedDocument_NotAnEntryObject_Malformed(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);

        var verdict = LedgerEntry.TryRead(document.RootElement, out var entry);

        Assert.Equal(EntryFault.Malformed, verdict.Fault);
        Assert.Null(entry);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}
