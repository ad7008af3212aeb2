using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Notes;

namespace DataSpace.Ledger.Tests.Checkpoints;

/// <summary>
/// What every cosignature store does: one note per size and witness, a witness's later note
/// replacing its earlier one, witness names that must be participant ids, and notes that combine
/// into one cosigned checkpoint. One subclass per store.
/// </summary>
public abstract class CosignatureStoreContract : IAsyncLifetime
{
    private protected WitnessedLog Log { get; private set; } = null!;

    protected abstract ICosignatureStore Store { get; }

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => Log = await WitnessedLog.CreateAsync();

    public virtual async ValueTask DisposeAsync()
    {
        await Log.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Save_ThenLoad_ReturnsTheAcceptedNote()
    {
        var accepted = await AcceptAsync(0);

        await Store.SaveAsync(accepted, Token);

        Assert.Equal([accepted.Note], await Store.LoadAsync(accepted.Size, Token));
    }

    [Fact]
    public async Task Save_SameWitnessAgain_ReplacesItsEarlierCosignature()
    {
        var first = await AcceptAsync(0);
        await Store.SaveAsync(first, Token);
        var again = first with { Timestamp = first.Timestamp + 1, Note = first.Note };

        await Store.SaveAsync(again, Token);

        Assert.Single(await Store.LoadAsync(first.Size, Token));
    }

    [Fact]
    public async Task Load_NothingStoredForTheSize_Empty() => Assert.Empty(await Store.LoadAsync(42, Token));

    [Fact]
    public async Task Load_OtherSizes_NotMixedIn()
    {
        var small = await AcceptAsync(0);
        await Store.SaveAsync(small, Token);
        await Log.GrowAsync(2);
        var large = await AcceptAsync(1);

        await Store.SaveAsync(large, Token);

        Assert.Equal([small.Note], await Store.LoadAsync(small.Size, Token));
        Assert.Equal([large.Note], await Store.LoadAsync(large.Size, Token));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public async Task Save_WitnessNameNotAParticipantId_Refused(string witness)
    {
        var accepted = await AcceptAsync(0) with { Witness = witness };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(accepted, Token));
        Assert.Empty(await Store.LoadAsync(accepted.Size, Token));
    }

    [Fact]
    public async Task Combine_TwoWitnesses_LogSignatureFirstThenCosignaturesByName()
    {
        await Store.SaveAsync(await AcceptAsync(2), Token);
        await Store.SaveAsync(await AcceptAsync(0), Token);

        var note = SignedNote.Parse(CosignedNote.Combine(await Store.LoadAsync(Log.Log.Size, Token), Log.LogKey)!);

        Assert.Equal([Log.Log.Origin, Log.Parties.Parties[0].Name, Log.Parties.Parties[2].Name], note.Signatures.Select(s => s.Name));
        Assert.True(note.Verify([Log.LogKey], out _).IsValid);
    }

    protected async Task<AcceptedCosignature> AcceptAsync(int party)
    {
        var cosigned = CheckpointCosigning.Cosign(Log.WitnessOf(party), await Log.CheckpointAsync(), null);
        var accepted = CosignatureIntake.Check(cosigned.Note!, Log.Log, ParticipantCosigner.Verifier(Log.Parties.Parties[party].PublicKey));
        Assert.True(accepted.IsSuccess, accepted.Error?.Message);
        return accepted.Value;
    }
}
