using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Notes;
using DataSpace.Ledger.Tests.Storage;

namespace DataSpace.Ledger.Tests.Checkpoints;

/// <summary>Cosignatures kept beside a file ledger, one file per size and witness, and combined into one note.</summary>
public sealed class CosignatureStoreTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private WitnessedLog _log = null!;

    public async ValueTask InitializeAsync() => _log = await WitnessedLog.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await _log.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Save_WritesOneFilePerSizeAndWitness_InTheLedgerLayout()
    {
        var store = FileCosignatureStore.InLedger(_dir.Path);
        var accepted = await AcceptAsync(0);

        await store.SaveAsync(accepted, TestContext.Current.CancellationToken);

        var file = Path.Combine(_dir.Path, "cosignatures", accepted.Size.ToString("D20", System.Globalization.CultureInfo.InvariantCulture), _log.Parties.Parties[0].Name);
        Assert.Equal(accepted.Note, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal([accepted.Note], await store.LoadAsync(accepted.Size, TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, ".*"));
    }

    [Fact]
    public async Task Save_SameWitnessAgain_ReplacesItsEarlierCosignature()
    {
        var store = FileCosignatureStore.InLedger(_dir.Path);
        var first = await AcceptAsync(0);
        await store.SaveAsync(first, TestContext.Current.CancellationToken);
        var again = first with { Timestamp = first.Timestamp + 1, Note = first.Note };

        await store.SaveAsync(again, TestContext.Current.CancellationToken);

        Assert.Single(await store.LoadAsync(first.Size, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Load_NothingStoredForTheSize_Empty() =>
        Assert.Empty(await FileCosignatureStore.InLedger(_dir.Path).LoadAsync(42, TestContext.Current.CancellationToken));

    [Theory]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public async Task Save_WitnessNameNotAParticipantId_Refused(string witness)
    {
        var accepted = await AcceptAsync(0) with { Witness = witness };

        await Assert.ThrowsAsync<ArgumentException>(() => FileCosignatureStore.InLedger(_dir.Path).SaveAsync(accepted, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Combine_TwoWitnesses_LogSignatureFirstThenCosignaturesByName()
    {
        var store = FileCosignatureStore.InLedger(_dir.Path);
        await store.SaveAsync(await AcceptAsync(2), TestContext.Current.CancellationToken);
        await store.SaveAsync(await AcceptAsync(0), TestContext.Current.CancellationToken);

        var note = SignedNote.Parse(CosignedNote.Combine(await store.LoadAsync(_log.Log.Size, TestContext.Current.CancellationToken), _log.LogKey)!);

        Assert.Equal([_log.Log.Origin, _log.Parties.Parties[0].Name, _log.Parties.Parties[2].Name], note.Signatures.Select(s => s.Name));
        Assert.True(note.Verify([_log.LogKey], out _).IsValid);
    }

    [Fact]
    public void Combine_Nothing_Null() => Assert.Null(CosignedNote.Combine([], _log.LogKey));

    [Fact]
    public async Task Combine_NotesOfDifferentCheckpoints_Throws()
    {
        var first = await AcceptAsync(0);
        await _log.GrowAsync(2);
        var second = await AcceptAsync(1);

        Assert.Throws<InvalidDataException>(() => CosignedNote.Combine([first.Note, second.Note], _log.LogKey));
    }

    private async Task<AcceptedCosignature> AcceptAsync(int party)
    {
        var cosigned = CheckpointCosigning.Cosign(_log.WitnessOf(party), await _log.CheckpointAsync(), null);
        var accepted = CosignatureIntake.Check(cosigned.Note!, _log.Log, ParticipantCosigner.Verifier(_log.Parties.Parties[party].PublicKey));
        Assert.True(accepted.IsSuccess, accepted.Error?.Message);
        return accepted.Value;
    }
}
