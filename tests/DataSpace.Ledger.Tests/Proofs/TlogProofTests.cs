using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Notes;
using DataSpace.Ledger.Proofs;
using DataSpace.Ledger.Tests.Merkle;

namespace DataSpace.Ledger.Tests.Proofs;

/// <summary>c2sp.org/tlog-proof receipts: format, strict parsing and offline verification.</summary>
public sealed class TlogProofTests : IDisposable
{
    private const string Origin = "ledger.dataspace.example";
    private readonly NoteSigner _log = NoteSigner.Generate(Origin);
    private readonly NoteSigner _witnessKey = NoteSigner.Generate("witness.example/w1", NoteSignatureType.CosignatureV1);
    private readonly InMemoryHashStore _tree = TestTree.OfBytes(21);

    public void Dispose()
    {
        _log.Dispose();
        _witnessKey.Dispose();
    }

    [Fact]
    public void Format_WithExtra_MatchesSpecLayout()
    {
        var proof = new TlogProof(5, [new byte[32], new byte[32]], "cp\n\n\u2014 x AAAAAAA=\n", [1, 2, 3]);
        var text = proof.Format();
        Assert.Equal("c2sp.org/tlog-proof@v1\nextra AQID\nindex 5\n" + new string('A', 43) + "=\n" + new string('A', 43) + "=\n\ncp\n\n\u2014 x AAAAAAA=\n", text);
        var parsed = TlogProof.Parse(text);
        Assert.Equal(5UL, parsed.Index);
        Assert.Equal([1, 2, 3], parsed.Extra);
        Assert.Equal(text, parsed.Format());
    }

    [Fact]
    public void Verify_EveryLeaf_ValidWithWitnessQuorum()
    {
        var receipt = Receipts(out var policy);
        for (ulong i = 0; i < 21; i++)
        {
            var verdict = TlogProofVerifier.Verify(receipt(i), [(byte)i], Origin, _log.Verifier, policy);
            Assert.True(verdict.IsValid, verdict.Reason);
        }
    }

    [Fact]
    public void Verify_WrongLeafIndexKeyOrQuorum_Rejected()
    {
        var receipt = Receipts(out var policy);
        var text = receipt(4);
        Assert.False(TlogProofVerifier.Verify(text, [5], Origin, _log.Verifier, policy).IsValid);
        Assert.False(TlogProofVerifier.Verify(text.Replace("index 4", "index 5", StringComparison.Ordinal), [4], Origin, _log.Verifier, policy).IsValid);
        Assert.False(TlogProofVerifier.Verify(text, [4], "other.example", _log.Verifier, policy).IsValid);
        using var stranger = NoteSigner.Generate(Origin);
        Assert.False(TlogProofVerifier.Verify(text, [4], Origin, stranger.Verifier, policy).IsValid);
        Assert.False(TlogProofVerifier.Verify(text, [4], Origin, _log.Verifier, policy with { Threshold = 2 }).IsValid);
    }

    [Theory]
    [InlineData("c2sp.org/tlog-proof@v2\nindex 1\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 01\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex -1\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra !!\nindex 1\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\n")]
    public void Parse_Malformed_Rejected(string prefix)
    {
        var note = SignedCheckpoint.Sign(new Checkpoint(Origin, 2, MerkleTree.RootHash(2, _tree)), _log).Note.Format();
        Assert.Throws<FormatException>(() => TlogProof.Parse(prefix + note));
    }

    private Func<ulong, string> Receipts(out WitnessPolicy policy)
    {
        var signed = SignedCheckpoint.Sign(new Checkpoint(Origin, 21, MerkleTree.RootHash(21, _tree)), _log);
        var witness = new Witness(_witnessKey, Origin, _log.Verifier);
        var cosigned = signed.WithSignature(witness.Cosign(signed.Note.Format(), []).Cosignature!).Note.Format();
        policy = new WitnessPolicy([_witnessKey.Verifier], 1);
        return index => new TlogProof(index, MerkleTree.InclusionProof(index, 21, _tree), cosigned).Format();
    }
}
