using System.Text.Json;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Notes;
using DataSpace.Ledger.Storage;
using DataSpace.Ledger.Tests.Logs;

namespace DataSpace.Ledger.Tests.Checkpoints;

/// <summary>
/// A log in memory with registered participants who witness it with their own keys
/// (<see cref="ParticipantCosigner"/>), and what its ledger API would answer: the latest
/// checkpoint note and consistency proofs as JSON.
/// </summary>
internal sealed class WitnessedLog : IAsyncDisposable
{
    private readonly bool _ownsParties;
    private int _serial;

    private WitnessedLog(TestParties parties, LedgerLog log, bool ownsParties)
    {
        Parties = parties;
        Log = log;
        _ownsParties = ownsParties;
    }

    public TestParties Parties { get; }

    public LedgerLog Log { get; }

    public NoteVerifier LogKey => NoteVerifier.Create(Log.LogKey.Name, NoteSignatureType.Ed25519, Log.LogKey.Key);

    /// <summary>A log of the operator's and three participants' registrations.</summary>
    public static async Task<WitnessedLog> CreateAsync(TestParties? parties = null)
    {
        var owned = parties is null;
        parties ??= new TestParties(3);
        var log = await LedgerLog.OpenAsync(new MemoryLedgerStore(), new MemoryCheckpointStore(), parties.Options(interval: 1000), TestContext.Current.CancellationToken);
        var witnessed = new WitnessedLog(parties, log, owned);
        await witnessed.AppendAsync(parties.Registrations());
        return witnessed;
    }

    /// <summary>The same log key over the same registrations, then other entries: a fork.</summary>
    public async Task<WitnessedLog> ForkAsync()
    {
        var fork = await CreateAsync(Parties);
        fork._serial = 1000;
        return fork;
    }

    /// <summary>Appends <paramref name="count"/> agreements between the first two participants.</summary>
    public Task GrowAsync(int count) =>
        AppendAsync(Enumerable.Range(0, count).Select(_ => TestParties.Agreement(++_serial, Parties.Parties[0], Parties.Parties[1])));

    /// <summary><c>GET /ledger/checkpoint</c>.</summary>
    public async Task<string> CheckpointAsync() => (await Log.CheckpointAsync(TestContext.Current.CancellationToken)).Note.Format();

    /// <summary><c>GET /ledger/proofs/consistency?from=&amp;to=</c>.</summary>
    public string ProofJson(ulong from, ulong to) => JsonSerializer.Serialize(new
    {
        index = from,
        size = to,
        from,
        hashes = Log.ConsistencyProof(from, to).Select(Convert.ToBase64String),
    });

    /// <summary>A witness for participant <paramref name="party"/> (0-based), cosigning with its participant key.</summary>
    public Witness WitnessOf(int party, Checkpoint? lastCosigned = null) =>
        new(ParticipantCosigner.Signer(Parties.Parties[party]), Log.Origin, LogKey, lastCosigned: lastCosigned);

    public async ValueTask DisposeAsync()
    {
        await Log.DisposeAsync();
        if (_ownsParties)
        {
            Parties.Dispose();
        }
    }

    private async Task AppendAsync(IEnumerable<LedgerEntry> entries)
    {
        var results = await Log.AppendBatchAsync([.. entries], TestContext.Current.CancellationToken);
        Assert.All(results, r => Assert.True(r.IsAccepted, r.Verdict.ToString()));
    }
}
