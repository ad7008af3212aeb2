using DataSpace.Core.Results;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Tests.Checkpoints;

/// <summary>The log accepts a cosignature only of its own checkpoint, by the witness's cosigner key.</summary>
public sealed class CosignatureIntakeTests : IAsyncLifetime
{
    private WitnessedLog _log = null!;

    private Ed25519Signer Party => _log.Parties.Parties[0];

    private NoteVerifier Cosigner => ParticipantCosigner.Verifier(Party.PublicKey);

    public async ValueTask InitializeAsync()
    {
        _log = await WitnessedLog.CreateAsync();
        await _log.GrowAsync(10);
    }

    public async ValueTask DisposeAsync() => await _log.DisposeAsync();

    [Fact]
    public async Task Check_OwnCheckpointCosignedByTheWitness_KeepsOnlyLogAndWitnessLines()
    {
        var checkpoint = await _log.CheckpointAsync();
        var cosigned = CheckpointCosigning.Cosign(_log.WitnessOf(0), checkpoint, null).Note!;
        using var stranger = NoteSigner.Generate("witness.example", NoteSignatureType.CosignatureV1);
        var withStranger = cosigned + stranger.Cosign(SignedNote.Parse(checkpoint).Text, 1).FormatLine();

        var accepted = CosignatureIntake.Check(withStranger, _log.Log, Cosigner);

        Assert.True(accepted.IsSuccess, accepted.Error?.Message);
        Assert.Equal(_log.Log.Size, accepted.Value.Size);
        Assert.Equal(Party.Name, accepted.Value.Witness);
        Assert.Equal(cosigned, accepted.Value.Note);
        Assert.True(accepted.Value.Timestamp > 1_700_000_000);
    }

    [Fact]
    public async Task Check_OlderCheckpointOfTheLog_Accepted()
    {
        var old = await _log.CheckpointAsync();
        await _log.GrowAsync(4);

        var accepted = CosignatureIntake.Check(CheckpointCosigning.Cosign(_log.WitnessOf(0), old, null).Note!, _log.Log, Cosigner);

        Assert.True(accepted.IsSuccess, accepted.Error?.Message);
        Assert.Equal(_log.Log.Size - 4, accepted.Value.Size);
    }

    [Fact]
    public async Task Check_NoCosignature_Invalid()
    {
        var error = CosignatureIntake.Check(await _log.CheckpointAsync(), _log.Log, Cosigner).Error!;

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains($"no cosignature by {Party.Name}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PlainNoteSignatureByTheParticipantKey_IsNoCosignature()
    {
        var checkpoint = await _log.CheckpointAsync();
        using var plain = NoteSigner.FromSeed(Party.Name, Party.ExportSeed());

        var error = CosignatureIntake.Check(checkpoint + plain.Sign(SignedNote.Parse(checkpoint).Text).FormatLine(), _log.Log, Cosigner).Error!;

        Assert.Equal(ErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public async Task Check_CosignedByAnotherParticipantsKey_Invalid()
    {
        var cosigned = CheckpointCosigning.Cosign(_log.WitnessOf(1), await _log.CheckpointAsync(), null).Note!;

        Assert.Equal(ErrorKind.Invalid, CosignatureIntake.Check(cosigned, _log.Log, Cosigner).Error!.Kind);
    }

    [Fact]
    public async Task Check_TamperedCosignature_Forbidden()
    {
        var checkpoint = await _log.CheckpointAsync();
        var cosignature = _log.WitnessOf(0).Cosign(checkpoint, []).Cosignature!;
        cosignature.Signature[^1] ^= 1;

        var error = CosignatureIntake.Check(checkpoint + cosignature.FormatLine(), _log.Log, Cosigner).Error!;

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Contains("does not verify", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TwoCosignaturesByTheWitness_Invalid()
    {
        var checkpoint = await _log.CheckpointAsync();
        var witness = _log.WitnessOf(0);
        var twice = checkpoint + witness.Cosign(checkpoint, []).Cosignature!.FormatLine() + witness.Cosign(checkpoint, []).Cosignature!.FormatLine();

        Assert.Equal(ErrorKind.Invalid, CosignatureIntake.Check(twice, _log.Log, Cosigner).Error!.Kind);
    }

    [Fact]
    public void Check_CheckpointOfAnotherKeyWithTheSameOrigin_Invalid()
    {
        using var impostor = NoteSigner.Generate(_log.Log.Origin);
        using var cosigner = ParticipantCosigner.Signer(Party);
        var forged = SignedCheckpoint.Sign(new Checkpoint(_log.Log.Origin, _log.Log.Size, _log.Log.RootHash(_log.Log.Size)), impostor).Note;
        var cosigned = forged.Format() + cosigner.Cosign(forged.Text, 1_800_000_000).FormatLine();

        var error = CosignatureIntake.Check(cosigned, _log.Log, Cosigner).Error!;

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains("not a checkpoint of the log", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RootNotTheLogsAtThatSize_ConflictAnotherHistory()
    {
        await using var fork = await _log.ForkAsync();
        await fork.GrowAsync(10);
        var forked = await fork.CheckpointAsync();
        var cosigned = CheckpointCosigning.Cosign(fork.WitnessOf(0), forked, null).Note!;

        var error = CosignatureIntake.Check(cosigned, _log.Log, Cosigner).Error!;

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("another history", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SizeBeyondTheLog_Conflict()
    {
        await using var fork = await _log.ForkAsync();
        await fork.GrowAsync(15);
        var cosigned = CheckpointCosigning.Cosign(fork.WitnessOf(0), await fork.CheckpointAsync(), null).Note!;

        var error = CosignatureIntake.Check(cosigned, _log.Log, Cosigner).Error!;

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains($"the log holds {_log.Log.Size} entries", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage\n")]
    [InlineData("origin\n1\nAAAA\n\n— origin AAAAAAAA\n")]
    public void Check_NotASignedCheckpoint_Invalid(string note) =>
        Assert.Equal(ErrorKind.Invalid, CosignatureIntake.Check(note, _log.Log, Cosigner).Error!.Kind);

    [Fact]
    public void Check_WitnessKeyNotACosignerKey_Throws()
    {
        var plain = NoteVerifier.Create(Party.Name, NoteSignatureType.Ed25519, Party.PublicKey.Key);

        Assert.Throws<ArgumentException>(() => CosignatureIntake.Check("x", _log.Log, plain));
    }

    [Fact]
    public void ParticipantCosigner_SameKeyOtherKeyId_ThanThePlainNoteKey()
    {
        var cosigner = ParticipantCosigner.Verifier(Party.PublicKey);

        Assert.Equal(NoteSignatureType.CosignatureV1, cosigner.Type);
        Assert.Equal(Party.Name, cosigner.Name);
        Assert.True(cosigner.PublicKey.SequenceEqual(Party.PublicKey.Key));
        Assert.NotEqual(Party.PublicKey.KeyHash, cosigner.KeyId);
        using var signer = ParticipantCosigner.Signer(Party);
        Assert.Equal(cosigner.ToString(), signer.Verifier.ToString());
    }
}
