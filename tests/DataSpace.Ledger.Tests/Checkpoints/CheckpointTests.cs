using System.Text;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Notes;
using DataSpace.Ledger.Tests.Notes;

namespace DataSpace.Ledger.Tests.Checkpoints;

/// <summary>C2SP tlog-checkpoint bodies and cosignature/v1 messages against the C2SP and Go vectors.</summary>
public sealed class CheckpointTests
{
    [Fact]
    public void Parse_C2spExample_FieldsAndFormatRoundTrip()
    {
        var note = SignedNote.Parse(NoteVectors.Get("c2sp_checkpoint_example_format_only", "note"));
        var checkpoint = Checkpoint.Parse(note.Text);
        Assert.Equal("example.com/behind-the-sofa", checkpoint.Origin);
        Assert.Equal(20852163UL, checkpoint.Size);
        Assert.Equal("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=", Convert.ToBase64String(checkpoint.RootHash));
        Assert.Empty(checkpoint.Extensions);
        Assert.Equal(note.Text, checkpoint.Format());
    }

    [Fact]
    public void Format_GoTreeNoteBody_ByteExact()
    {
        // sumdb's "go.sum database tree" body has the same three-line shape as a checkpoint.
        var section = NoteVectors.Root.GetProperty("go_sumdb_tlog_tree_note_body");
        var root = MerkleHash.HashLeaf(Encoding.UTF8.GetBytes(section.GetProperty("record_hash_of").GetString()!));
        var checkpoint = new Checkpoint("go.sum database tree", section.GetProperty("tree_size").GetUInt64(), root);
        Assert.Equal(section.GetProperty("body").GetString(), checkpoint.Format());
        Assert.Equal(checkpoint.Format(), Checkpoint.Parse(section.GetProperty("body").GetString()!).Format());
    }

    [Fact]
    public void CosignatureMessage_C2spExample_ByteExact()
    {
        var note = SignedNote.Parse(NoteVectors.Get("c2sp_checkpoint_example_format_only", "note"));
        var expected = NoteVectors.Get("c2sp_cosignature_v1_signed_message_example", "message");
        Assert.Equal(expected, Encoding.UTF8.GetString(CosignedMessageProbe.Build(1679315147, note.Text)));
    }

    [Fact]
    public void Cosign_KeyIdUsesType04_SignatureLayoutIsKeyIdTimestampSignature()
    {
        using var witness = NoteSigner.Generate("witness.example/w1", NoteSignatureType.CosignatureV1);
        var expectedId = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(System.Security.Cryptography.SHA256.HashData(
            [.. Encoding.UTF8.GetBytes("witness.example/w1\n"), 0x04, .. witness.Verifier.PublicKey]));
        Assert.Equal(expectedId, witness.KeyId);
        var text = new Checkpoint("log.example", 3, new byte[32]).Format();
        var line = witness.Cosign(text, 1679315147).FormatLine();
        var blob = Convert.FromBase64String(line.Split(' ')[2].TrimEnd('\n'));
        Assert.Equal(4 + 8 + 64, blob.Length);
        Assert.Equal(1679315147UL, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(blob.AsSpan(4)));
        Assert.True(witness.Verifier.Verify(text, blob.AsSpan(4)));
        Assert.False(witness.Verifier.Verify(text.Replace('3', '4'), blob.AsSpan(4)));
    }

    [Theory]
    [InlineData("origin\n012\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("origin\n+12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("origin\n18446744073709551616\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("origin\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n")]
    [InlineData("origin\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n")]
    [InlineData("origin\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jx\n")]
    [InlineData("origin\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")]
    [InlineData("origin\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n")]
    [InlineData("\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")]
    [InlineData("origin\n12\n")]
    public void Parse_NonCanonical_Rejected(string text) =>
        Assert.Throws<FormatException>(() => Checkpoint.Parse(text));

    [Fact]
    public void Parse_ExtensionLines_Kept()
    {
        var text = "origin\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next one\next two\n";
        var checkpoint = Checkpoint.Parse(text);
        Assert.Equal(["ext one", "ext two"], checkpoint.Extensions);
        Assert.Equal(text, checkpoint.Format());
    }

    [Fact]
    public void Open_WrongOriginOrKey_Rejected()
    {
        using var log = NoteSigner.Generate("log.example");
        using var other = NoteSigner.Generate("log.example");
        var note = SignedCheckpoint.Sign(new Checkpoint("log.example", 0, MerkleHash.EmptyRoot.ToArray()), log).Note.Format();
        Assert.True(SignedCheckpoint.Open(note, "log.example", log.Verifier, out var opened).IsValid);
        Assert.Equal(0UL, opened!.Checkpoint.Size);
        Assert.False(SignedCheckpoint.Open(note, "other.example", log.Verifier, out _).IsValid);
        Assert.False(SignedCheckpoint.Open(note, "log.example", other.Verifier, out _).IsValid);
    }
}
