using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Tests.Storage;

namespace DataSpace.Ledger.Tests.Checkpoints;

/// <summary>Cosignatures kept beside a file ledger, one file per size and witness; and combining notes.</summary>
public sealed class FileCosignatureStoreTests : CosignatureStoreContract
{
    private readonly TempDirectory _dir = new();

    protected override ICosignatureStore Store => FileCosignatureStore.InLedger(_dir.Path);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Save_WritesOneFilePerSizeAndWitness_InTheLedgerLayout()
    {
        var accepted = await AcceptAsync(0);

        await Store.SaveAsync(accepted, Token);

        var file = Path.Combine(_dir.Path, "cosignatures", accepted.Size.ToString("D20", System.Globalization.CultureInfo.InvariantCulture), Log.Parties.Parties[0].Name);
        Assert.Equal(accepted.Note, await File.ReadAllTextAsync(file, Token));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, ".*"));
    }

    [Fact]
    public void Combine_Nothing_Null() => Assert.Null(CosignedNote.Combine([], Log.LogKey));

    [Fact]
    public async Task Combine_NotesOfDifferentCheckpoints_Throws()
    {
        var first = await AcceptAsync(0);
        await Log.GrowAsync(2);
        var second = await AcceptAsync(1);

        Assert.Throws<InvalidDataException>(() => CosignedNote.Combine([first.Note, second.Note], Log.LogKey));
    }
}
