using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Tests.Notes;

/// <summary>C2SP signed notes against the C2SP and Go sumdb/note vectors, plus strict-parsing rejections.</summary>
public sealed class SignedNoteTests
{
    private const string Go = "go_sumdb_note_vectors";

    [Fact]
    public void Verify_C2spExample_VerifiesAndRoundTrips()
    {
        var key = NoteVerifier.Parse(NoteVectors.Get("c2sp_signed_note_example", "vkey"));
        var text = NoteVectors.Get("c2sp_signed_note_example", "note");
        var note = SignedNote.Parse(text);
        Assert.True(note.Verify([key], out var by).IsValid);
        Assert.Same(key, Assert.Single(by));
        Assert.Equal(text, note.Format());
        Assert.Equal(NoteVectors.Get("c2sp_signed_note_example", "vkey"), key.ToString());
    }

    [Fact]
    public void Sign_PeterNeumannKey_ByteExactWithGo()
    {
        using var signer = NoteSigner.ParsePrivateKey(NoteVectors.Get(Go, "peter_skey"));
        Assert.Equal(NoteVectors.Get(Go, "peter_vkey"), signer.Verifier.ToString());
        var text = NoteVectors.Get(Go, "text");
        var note = new SignedNote(text, [signer.Sign(text)]);
        Assert.Equal(NoteVectors.Get(Go, "signed_by_peter"), note.Format());
    }

    [Fact]
    public void Verify_TwoSignatures_UnknownIgnoredKnownVerified()
    {
        var peter = NoteVerifier.Parse(NoteVectors.Get(Go, "peter_vkey"));
        var enoch = NoteVerifier.Parse(NoteVectors.Get(Go, "enoch_vkey"));
        var both = NoteVectors.Get(Go, "signed_by_peter") + NoteVectors.Get(Go, "enoch_sig_line");
        var note = SignedNote.Parse(both);
        Assert.Equal(2, note.Signatures.Count);
        Assert.True(note.Verify([enoch], out var byEnoch).IsValid);
        Assert.Same(enoch, Assert.Single(byEnoch));
        Assert.True(note.Verify([peter, enoch], out var byBoth).IsValid);
        Assert.Equal(2, byBoth.Count);
    }

    [Fact]
    public void Verify_NoTrustedSignature_Rejected()
    {
        var enoch = NoteVerifier.Parse(NoteVectors.Get(Go, "enoch_vkey"));
        Assert.False(SignedNote.Parse(NoteVectors.Get(Go, "signed_by_peter")).Verify([enoch], out _).IsValid);
    }

    [Fact]
    public void Verify_TamperedText_RejectsWholeNote()
    {
        var peter = NoteVerifier.Parse(NoteVectors.Get(Go, "peter_vkey"));
        var tampered = NoteVectors.Get(Go, "signed_by_peter").Replace("cryptography", "cryptographY", StringComparison.Ordinal);
        var verdict = SignedNote.Parse(tampered).Verify([peter], out var by);
        Assert.False(verdict.IsValid);
        Assert.Empty(by);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ParseVerifier_NegativeVectors_Rejected(int which)
    {
        var vkey = NoteVectors.Root.GetProperty(Go).GetProperty("negative")[which].GetProperty("vkey").GetString()!;
        Assert.Throws<FormatException>(() => NoteVerifier.Parse(vkey));
    }

    [Theory]
    [InlineData("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TX")]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW+")]
    [InlineData("PeterNeumann+c74f20a3")]
    public void ParseVerifier_NonCanonicalOrWrong_Rejected(string vkey) =>
        Assert.Throws<FormatException>(() => NoteVerifier.Parse(vkey));

    [Theory]
    [InlineData("no blank line\n\u2014 a AAAAAAA=\n")]
    [InlineData("text\n\n")]
    [InlineData("text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=")]
    [InlineData("text\r\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData("text\n\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData("text\n\n\u2014 Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData("text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAN=\n")]
    [InlineData("text\n\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n")]
    [InlineData("text\n\n\u2014 PeterNeumann AAAA\n")]
    [InlineData("text\n\n\u2014 PeterNeumann\n")]
    public void Parse_MalformedNote_Rejected(string note) =>
        Assert.Throws<FormatException>(() => SignedNote.Parse(note));

    [Fact]
    public void Parse_InvalidUtf8_Rejected() =>
        Assert.Throws<FormatException>(() => SignedNote.Parse([0x61, 0xff, 0x0a, 0x0a]));

    [Fact]
    public void Parse_TooManySignatures_Rejected()
    {
        var line = NoteVectors.Get(Go, "enoch_sig_line");
        Assert.Throws<FormatException>(() => SignedNote.Parse("text\n\n" + string.Concat(Enumerable.Repeat(line, SignedNote.MaxSignatures + 1))));
        Assert.Equal(16, SignedNote.Parse("text\n\n" + string.Concat(Enumerable.Repeat(line, 16))).Signatures.Count);
    }

    [Fact]
    public void SignAndVerify_GeneratedKey_RoundTrips()
    {
        using var signer = NoteSigner.Generate("example.com/log");
        var note = new SignedNote("hello\n\nworld\n", [signer.Sign("hello\n\nworld\n")]);
        var parsed = SignedNote.Parse(note.Format());
        Assert.Equal("hello\n\nworld\n", parsed.Text);
        Assert.True(parsed.Verify([NoteVerifier.Parse(signer.Verifier.ToString())], out _).IsValid);
    }
}
