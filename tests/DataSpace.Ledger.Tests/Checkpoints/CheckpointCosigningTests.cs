using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Tests.Checkpoints;

/// <summary>A participant's connector witnessing the broker's log through its ledger API answers.</summary>
public sealed class CheckpointCosigningTests : IAsyncLifetime
{
    private WitnessedLog _log = null!;

    public async ValueTask InitializeAsync() => _log = await WitnessedLog.CreateAsync();

    public async ValueTask DisposeAsync() => await _log.DisposeAsync();

    [Fact]
    public async Task Cosign_FirstCheckpoint_NoProofNeededAndTheNoteCarriesBothSignatures()
    {
        var witness = _log.WitnessOf(0);
        var checkpoint = await _log.CheckpointAsync();

        Assert.Null(CheckpointCosigning.ProofRange(witness, checkpoint));
        var cosigned = CheckpointCosigning.Cosign(witness, checkpoint, null);

        Assert.True(cosigned.IsCosigned, cosigned.Reason);
        var note = SignedNote.Parse(cosigned.Note!);
        Assert.StartsWith(checkpoint, cosigned.Note, StringComparison.Ordinal);
        Assert.True(note.Verify([_log.LogKey], out _).IsValid);
        Assert.True(new WitnessPolicy([ParticipantCosigner.Verifier(_log.Parties.Parties[0].PublicKey)], 1).Check(note).IsValid);
    }

    [Fact]
    public async Task Cosign_GrownLog_WithTheProofOfTheRangeAsked()
    {
        var witness = _log.WitnessOf(0);
        var first = await _log.CheckpointAsync();
        Assert.True(CheckpointCosigning.Cosign(witness, first, null).IsCosigned);
        var firstSize = witness.LastCosigned!.Size;
        await _log.GrowAsync(17);
        var second = await _log.CheckpointAsync();

        var range = CheckpointCosigning.ProofRange(witness, second);
        var cosigned = CheckpointCosigning.Cosign(witness, second, _log.ProofJson(range!.Value.From, range.Value.To));

        Assert.Equal((firstSize, _log.Log.Size), range);
        Assert.True(cosigned.IsCosigned, cosigned.Reason);
        Assert.Equal(_log.Log.Size, witness.LastCosigned!.Size);
    }

    [Fact]
    public async Task Cosign_SameCheckpointAgain_NoProofAndCosigned()
    {
        var witness = _log.WitnessOf(1);
        var checkpoint = await _log.CheckpointAsync();
        CheckpointCosigning.Cosign(witness, checkpoint, null);

        Assert.Null(CheckpointCosigning.ProofRange(witness, checkpoint));
        Assert.True(CheckpointCosigning.Cosign(witness, checkpoint, null).IsCosigned);
    }

    [Fact]
    public async Task Cosign_ForkedLogLarger_SplitView()
    {
        var witness = _log.WitnessOf(0);
        await _log.GrowAsync(5);
        CheckpointCosigning.Cosign(witness, await _log.CheckpointAsync(), null);
        await using var fork = await _log.ForkAsync();
        await fork.GrowAsync(9);
        var forked = await fork.CheckpointAsync();

        var range = CheckpointCosigning.ProofRange(witness, forked)!.Value;
        var cosigned = CheckpointCosigning.Cosign(witness, forked, fork.ProofJson(range.From, range.To));

        Assert.True(cosigned.IsSplitView);
        Assert.Null(cosigned.Note);
        Assert.Contains("split view", cosigned.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cosign_ForkedLogSameSize_SplitView()
    {
        var witness = _log.WitnessOf(0);
        await _log.GrowAsync(5);
        CheckpointCosigning.Cosign(witness, await _log.CheckpointAsync(), null);
        await using var fork = await _log.ForkAsync();
        await fork.GrowAsync(5);

        var cosigned = CheckpointCosigning.Cosign(witness, await fork.CheckpointAsync(), null);

        Assert.True(cosigned.IsSplitView);
    }

    [Fact]
    public async Task Cosign_ProofNeededButMissingOrForOtherSizesOrMalformed_NotCosigned()
    {
        var witness = _log.WitnessOf(0);
        CheckpointCosigning.Cosign(witness, await _log.CheckpointAsync(), null);
        var from = witness.LastCosigned!.Size;
        await _log.GrowAsync(6);
        var next = await _log.CheckpointAsync();

        Assert.Contains("is needed", CheckpointCosigning.Cosign(witness, next, null).Reason, StringComparison.Ordinal);
        Assert.Contains("not " + from, CheckpointCosigning.Cosign(witness, next, _log.ProofJson(1, _log.Log.Size)).Reason, StringComparison.Ordinal);
        Assert.Contains("not JSON", CheckpointCosigning.Cosign(witness, next, "{").Reason, StringComparison.Ordinal);
        Assert.Contains("canonical base64", CheckpointCosigning.Cosign(witness, next, $$"""{"index":{{from}},"size":{{_log.Log.Size}},"from":{{from}},"hashes":["AAA"]}""").Reason, StringComparison.Ordinal);
        Assert.Equal(from, witness.LastCosigned!.Size);
    }

    [Fact]
    public async Task Cosign_OlderCheckpoint_Stale()
    {
        var witness = _log.WitnessOf(0);
        var old = await _log.CheckpointAsync();
        await _log.GrowAsync(3);
        CheckpointCosigning.Cosign(witness, await _log.CheckpointAsync(), null);

        Assert.Equal(WitnessOutcome.Stale, CheckpointCosigning.Cosign(witness, old, null).Outcome);
    }

    [Fact]
    public void Cosign_NotACheckpoint_Invalid()
    {
        var cosigned = CheckpointCosigning.Cosign(_log.WitnessOf(0), "not a note", null);

        Assert.Equal(WitnessOutcome.InvalidCheckpoint, cosigned.Outcome);
        Assert.False(cosigned.IsSplitView);
    }

    [Fact]
    public async Task CosignedNote_TwoWitnessesAcceptedByTheLog_CombineIntoAQuorum()
    {
        var checkpoint = await _log.CheckpointAsync();
        var store = new MemoryCosignatureStore();
        foreach (var party in new[] { 0, 2 })
        {
            var cosigned = CheckpointCosigning.Cosign(_log.WitnessOf(party), checkpoint, null);
            var accepted = CosignatureIntake.Check(cosigned.Note!, _log.Log, ParticipantCosigner.Verifier(_log.Parties.Parties[party].PublicKey));
            Assert.True(accepted.IsSuccess, accepted.Error?.Message);
            await store.SaveAsync(accepted.Value, TestContext.Current.CancellationToken);
        }

        var combined = CosignedNote.Combine(await store.LoadAsync(_log.Log.Size, TestContext.Current.CancellationToken), _log.LogKey);

        var note = SignedNote.Parse(combined!);
        Assert.Equal(3, note.Signatures.Count);
        Assert.Equal(_log.Log.Origin, note.Signatures[0].Name);
        var witnesses = _log.Parties.Parties.Select(p => ParticipantCosigner.Verifier(p.PublicKey)).ToList();
        Assert.True(new WitnessPolicy(witnesses, 2).Check(note).IsValid);
        Assert.False(new WitnessPolicy(witnesses, 3).Check(note).IsValid);
    }
}
