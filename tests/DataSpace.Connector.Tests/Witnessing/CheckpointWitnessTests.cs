using DataSpace.Connector.Witnessing;
using DataSpace.Core.Results;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Notes;

namespace DataSpace.Connector.Tests.Witnessing;

/// <summary>The connector's witness accepts only checkpoints that provably extend what it saw, and remembers across restarts.</summary>
public sealed class CheckpointWitnessTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TestLedger _ledger = new(leaves: 10);

    public void Dispose()
    {
        _ledger.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Observe_FirstCheckpoint_CosignsAndPersistsIt()
    {
        using var witness = Open();
        var observed = await witness.ObserveAsync(_ledger.Note(), _ledger.Proofs, Ct);

        Assert.True(observed.IsSuccess, observed.Error?.Message);
        Assert.Equal(10UL, observed.Value.Checkpoint.Size);
        var saved = File.ReadAllText(Path.Combine(_folder.Path, WitnessStateFile.CheckpointFileName));
        Assert.Equal(observed.Value.Note, saved);
        Assert.True(new WitnessPolicy([witness.Key], 1).Check(SignedNote.Parse(saved)).IsValid);
    }

    [Fact]
    public async Task Observe_ConsistentGrowth_AcceptsEachStep()
    {
        using var witness = Open();
        Assert.True((await witness.ObserveAsync(_ledger.Note(), _ledger.Proofs, Ct)).IsSuccess);
        _ledger.Grow(15);
        var grown = await witness.ObserveAsync(_ledger.Note(), _ledger.Proofs, Ct);
        var same = await witness.ObserveAsync(_ledger.Note(), _ledger.Proofs, Ct);

        Assert.True(grown.IsSuccess, grown.Error?.Message);
        Assert.True(same.IsSuccess, same.Error?.Message);
        Assert.Equal(25UL, witness.Last!.Size);
    }

    [Fact]
    public async Task Observe_ForkOfTheSameSize_RefusedAsSplitViewWithEvidenceAndStateKept()
    {
        using var witness = Open();
        await witness.ObserveAsync(_ledger.Note(), _ledger.Proofs, Ct);
        var before = File.ReadAllText(StatePath);
        using var fork = new TestLedger(LogKeyCopy(), leaves: 10, leaf: n => [(byte)(n == 4 ? 200 : n), 0]);

        var refused = await witness.ObserveAsync(fork.Note(), fork.Proofs, Ct);

        Assert.False(refused.IsSuccess);
        Assert.Equal(ErrorKind.Unavailable, refused.Error.Kind);
        Assert.Contains("Split view", refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(StatePath));
        var evidence = Assert.Single(Directory.GetFiles(_folder.Path, "split-view-*.txt"));
        Assert.Contains(fork.Note(), File.ReadAllText(evidence), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observe_LargerForkWithItsOwnProof_Refused()
    {
        using var witness = Open();
        await witness.ObserveAsync(_ledger.Note(), _ledger.Proofs, Ct);
        using var fork = new TestLedger(LogKeyCopy(), leaves: 30, leaf: n => [(byte)(n == 2 ? 99 : n), 0]);

        var refused = await witness.ObserveAsync(fork.Note(), fork.Proofs, Ct);

        Assert.False(refused.IsSuccess);
        Assert.Equal(10UL, witness.Last!.Size);
    }

    [Fact]
    public async Task Observe_SmallerCheckpoint_RefusedAsRollback()
    {
        using var witness = Open();
        await witness.ObserveAsync(_ledger.Note(), _ledger.Proofs, Ct);

        var refused = await witness.ObserveAsync(_ledger.Note(5), _ledger.Proofs, Ct);

        Assert.False(refused.IsSuccess);
        Assert.Contains("rolled-back", refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal(10UL, witness.Last!.Size);
    }

    [Fact]
    public async Task Observe_AfterRestart_PersistedStateStillRefusesTheForkAndAcceptsTheLog()
    {
        using (var first = Open())
        {
            Assert.True((await first.ObserveAsync(_ledger.Note(), _ledger.Proofs, Ct)).IsSuccess);
        }
        using var fork = new TestLedger(LogKeyCopy(), leaves: 20, leaf: n => [(byte)(n == 1 ? 123 : n), 0]);
        _ledger.Grow(10);

        using var restarted = Open();
        Assert.Equal(10UL, restarted.Last!.Size);
        var forked = await restarted.ObserveAsync(fork.Note(), fork.Proofs, Ct);
        var honest = await restarted.ObserveAsync(_ledger.Note(), _ledger.Proofs, Ct);

        Assert.False(forked.IsSuccess);
        Assert.True(honest.IsSuccess, honest.Error?.Message);
        using var again = Open();
        Assert.Equal(20UL, again.Last!.Size);
    }

    [Fact]
    public async Task Observe_CheckpointSignedByAnotherKey_Refused()
    {
        using var witness = Open();
        using var impostor = new TestLedger(NoteSigner.Generate(TestLedger.Origin), leaves: 10);

        var refused = await witness.ObserveAsync(impostor.Note(), impostor.Proofs, Ct);

        Assert.False(refused.IsSuccess);
        Assert.Null(witness.Last);
        Assert.False(File.Exists(StatePath));
    }

    [Fact]
    public async Task Observe_ProofUnavailable_FailsClosedWithoutMoving()
    {
        using var witness = Open();
        await witness.ObserveAsync(_ledger.Note(), _ledger.Proofs, Ct);
        _ledger.Grow(5);

        var refused = await witness.ObserveAsync(_ledger.Note(), (_, _, _) => Task.FromResult(Result<IReadOnlyList<byte[]>>.Failure(Error.Unavailable("broker down"))), Ct);

        Assert.False(refused.IsSuccess);
        Assert.Equal("broker down", refused.Error.Message);
        Assert.Equal(10UL, witness.Last!.Size);
    }

    [Fact]
    public void Open_StateThatDoesNotVerify_RefusedAndLeftAsItIs()
    {
        File.WriteAllText(StatePath, "not a checkpoint\n");

        var opened = CheckpointWitness.Open(_folder.Path, Cosigner(), _ledger.Key.Verifier, TimeProvider.System);

        Assert.False(opened.IsSuccess);
        Assert.Contains("not reset", opened.Error.Message, StringComparison.Ordinal);
        Assert.Equal("not a checkpoint\n", File.ReadAllText(StatePath));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string StatePath => Path.Combine(_folder.Path, WitnessStateFile.CheckpointFileName);

    private CheckpointWitness Open() => CheckpointWitness.Open(_folder.Path, Cosigner(), _ledger.Key.Verifier, TimeProvider.System).Value;

    private static NoteSigner Cosigner() => NoteSigner.FromSeed("88.000.0002", new byte[32], NoteSignatureType.CosignatureV1);

    /// <summary>A fork is signed by the same log key: that is what makes it a split view rather than a forgery.</summary>
    private static NoteSigner LogKeyCopy() => NoteSigner.FromSeed(TestLedger.Origin, TestLedger.Seed);
}
