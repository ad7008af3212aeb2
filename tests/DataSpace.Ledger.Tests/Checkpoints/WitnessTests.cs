using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Notes;
using DataSpace.Ledger.Tests.Merkle;

namespace DataSpace.Ledger.Tests.Checkpoints;

/// <summary>A witness cosigns only checkpoints that provably extend what it cosigned before.</summary>
public sealed class WitnessTests : IDisposable
{
    private const string Origin = "ledger.dataspace.example";
    private readonly NoteSigner _log = NoteSigner.Generate(Origin);
    private readonly NoteSigner _key = NoteSigner.Generate("witness.example/w1", NoteSignatureType.CosignatureV1);
    private readonly InMemoryHashStore _tree = TestTree.OfBytes(40);

    public void Dispose()
    {
        _log.Dispose();
        _key.Dispose();
    }

    [Fact]
    public void Cosign_GrowingConsistentLog_CosignsEachAndQuorumVerifies()
    {
        var witness = new Witness(_key, Origin, _log.Verifier);
        Assert.Equal(WitnessOutcome.Cosigned, witness.Cosign(Note(10), []).Outcome);
        var response = witness.Cosign(Note(25), MerkleTree.ConsistencyProof(10, 25, _tree));
        Assert.Equal(WitnessOutcome.Cosigned, response.Outcome);
        Assert.Equal(25UL, witness.LastCosigned!.Size);

        var cosigned = SignedNote.Parse(Note(25) + response.Cosignature!.FormatLine());
        Assert.True(new WitnessPolicy([witness.Key], 1).Check(cosigned).IsValid);
        Assert.False(new WitnessPolicy([witness.Key], 2).Check(cosigned).IsValid);
    }

    [Fact]
    public void Cosign_ForkedLogSameSizeOtherRoot_RefusedAsSplitView()
    {
        var witness = new Witness(_key, Origin, _log.Verifier);
        witness.Cosign(Note(20), []);
        var fork = TestTree.Build(Enumerable.Range(0, 20).Select(i => new[] { (byte)(i == 7 ? 99 : i) }));
        var forkNote = SignedCheckpoint.Sign(new Checkpoint(Origin, 20, MerkleTree.RootHash(20, fork)), _log).Note.Format();
        var response = witness.Cosign(forkNote, []);
        Assert.Equal(WitnessOutcome.Inconsistent, response.Outcome);
        Assert.Null(response.Cosignature);
    }

    [Fact]
    public void Cosign_ForkedLogLarger_RefusedWhateverProof()
    {
        var witness = new Witness(_key, Origin, _log.Verifier);
        witness.Cosign(Note(20), []);
        var fork = TestTree.Build(Enumerable.Range(0, 30).Select(i => new[] { (byte)(i == 3 ? 77 : i) }));
        var forkNote = SignedCheckpoint.Sign(new Checkpoint(Origin, 30, MerkleTree.RootHash(30, fork)), _log).Note.Format();
        Assert.Equal(WitnessOutcome.Inconsistent, witness.Cosign(forkNote, MerkleTree.ConsistencyProof(20, 30, fork)).Outcome);
        Assert.Equal(WitnessOutcome.Inconsistent, witness.Cosign(forkNote, MerkleTree.ConsistencyProof(20, 30, _tree)).Outcome);
        Assert.Equal(WitnessOutcome.Inconsistent, witness.Cosign(forkNote, []).Outcome);
        Assert.Equal(20UL, witness.LastCosigned!.Size);
    }

    [Fact]
    public void Cosign_SmallerOrForeignOrUnsigned_Refused()
    {
        var witness = new Witness(_key, Origin, _log.Verifier);
        witness.Cosign(Note(20), []);
        Assert.Equal(WitnessOutcome.Stale, witness.Cosign(Note(10), []).Outcome);
        using var impostor = NoteSigner.Generate(Origin);
        var forged = SignedCheckpoint.Sign(new Checkpoint(Origin, 30, MerkleTree.RootHash(30, _tree)), impostor).Note.Format();
        Assert.Equal(WitnessOutcome.InvalidCheckpoint, witness.Cosign(forged, MerkleTree.ConsistencyProof(20, 30, _tree)).Outcome);
        Assert.Equal(WitnessOutcome.InvalidCheckpoint, witness.Cosign("garbage", []).Outcome);
    }

    [Fact]
    public void Cosign_SameCheckpointAgain_CosignedWithNonDecreasingTimestamp()
    {
        var witness = new Witness(_key, Origin, _log.Verifier);
        var first = witness.Cosign(Note(12), []).Cosignature!;
        var second = witness.Cosign(Note(12), []).Cosignature!;
        Assert.True(Timestamp(second) >= Timestamp(first));
    }

    [Fact]
    public void Constructor_PlainEd25519Key_Rejected() =>
        Assert.Throws<ArgumentException>(() => new Witness(_log, Origin, _log.Verifier));

    private static ulong Timestamp(NoteSignature s) => System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(s.Signature);

    private string Note(ulong size) =>
        SignedCheckpoint.Sign(new Checkpoint(Origin, size, MerkleTree.RootHash(size, _tree)), _log).Note.Format();
}
