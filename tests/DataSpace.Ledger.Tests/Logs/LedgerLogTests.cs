using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;
using DataSpace.Ledger.Merkle;
using DataSpace.Ledger.Proofs;
using DataSpace.Ledger.Storage;
using DataSpace.Ledger.Tests.Storage;

namespace DataSpace.Ledger.Tests.Logs;

public sealed class LedgerLogTests : IDisposable
{
    private readonly TestParties _keys = new(3);
    private readonly TempDirectory _dir = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<LedgerLog> OpenMemoryAsync(params Func<IEntryRule>[] rules) =>
        LedgerLog.OpenAsync(new MemoryLedgerStore(), new MemoryCheckpointStore(), _keys.Options(10, rules), Token);

    private async Task RegisterAllAsync(LedgerLog log)
    {
        var results = await log.AppendBatchAsync([.. _keys.Registrations()], Token);
        Assert.All(results, r => Assert.True(r.IsAccepted, r.Verdict.ToString()));
    }

    [Fact]
    public async Task Append_RegisteredSigners_AcceptedWithIndex()
    {
        await using var log = await OpenMemoryAsync();
        await RegisterAllAsync(log);

        var result = await log.AppendAsync(TestParties.Agreement(1, _keys.Parties[0], _keys.Parties[1]), Token);

        Assert.True(result.IsAccepted);
        Assert.Equal(4UL, result.Index);
        Assert.Equal(4, log.Participants.Count);
    }

    [Fact]
    public async Task Append_UnknownSigner_Refused()
    {
        await using var log = await OpenMemoryAsync();
        await RegisterAllAsync(log);
        using var stranger = Ed25519Signer.Generate("88.999.1");

        var result = await log.AppendAsync(TestParties.Agreement(1, _keys.Parties[0], stranger), Token);

        Assert.Equal(EntryFault.UnknownSigner, result.Verdict.Fault);
        Assert.Contains("88.999.1", result.Verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(4UL, log.Size);
    }

    [Fact]
    public async Task Append_SignatureOverOtherContent_Refused()
    {
        await using var log = await OpenMemoryAsync();
        await RegisterAllAsync(log);
        var json = TestParties.Agreement(1, _keys.Parties[0]).ToJson();
        json["body"]!["maxUses"] = 99;

        var result = await log.AppendAsync(Crypto.Json.CanonicalJson.Serialize(json), Token);

        Assert.Equal(EntryFault.InvalidSignature, result.Verdict.Fault);
    }

    [Fact]
    public async Task Append_NonCanonicalBytes_Refused()
    {
        await using var log = await OpenMemoryAsync();
        await RegisterAllAsync(log);
        var text = Encoding.UTF8.GetString(TestParties.Agreement(1, _keys.Parties[0]).Bytes.Span).Replace(":", ": ", StringComparison.Ordinal);

        var result = await log.AppendAsync(Encoding.UTF8.GetBytes(text), Token);

        Assert.Equal(EntryFault.NotCanonical, result.Verdict.Fault);
    }

    [Fact]
    public async Task Append_SameContentTwice_RefusedAsReplay()
    {
        await using var log = await OpenMemoryAsync();
        await RegisterAllAsync(log);
        Assert.True((await log.AppendAsync(TestParties.Agreement(1, _keys.Parties[0], _keys.Parties[1]), Token)).IsAccepted);

        var again = await log.AppendAsync(TestParties.Agreement(1, _keys.Parties[1]), Token);

        Assert.Equal(EntryFault.Duplicate, again.Verdict.Fault);
        Assert.Contains("index 4", again.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithoutOperatorOrWithoutProofOfPossession_Refused()
    {
        await using var log = await OpenMemoryAsync();
        Assert.True((await log.AppendAsync(TestParties.Registration(_keys.Operator, _keys.Operator), Token)).IsAccepted);

        var noOperator = await log.AppendAsync(TestParties.Registration(_keys.Parties[0], _keys.Parties[0]), Token);
        var noSelf = await log.AppendAsync(TestParties.Registration(_keys.Parties[0], _keys.Operator), Token);
        var ok = await log.AppendAsync(TestParties.Registration(_keys.Parties[0], _keys.Parties[0], _keys.Operator), Token);
        var twice = await log.AppendAsync(TestParties.Registration(_keys.Parties[0], _keys.Operator, _keys.Parties[0]).Countersign(_keys.Parties[1]), Token);

        Assert.Equal(EntryFault.InvalidRegistration, noOperator.Verdict.Fault);
        Assert.Equal(EntryFault.InvalidRegistration, noSelf.Verdict.Fault);
        Assert.True(ok.IsAccepted);
        Assert.Equal(EntryFault.InvalidRegistration, twice.Verdict.Fault);
    }

    [Fact]
    public async Task Append_DomainRuleRefuses_EntryStaysOut()
    {
        await using var log = await OpenMemoryAsync(() => new RefuseRule());
        await RegisterAllAsync(log);
        Assert.True((await log.AppendAsync(TestParties.Agreement(1, _keys.Parties[0]), Token)).IsAccepted);

        var sameId = await log.AppendAsync(LedgerEntry.Create("contract.agreed", new JsonObject { ["agreementId"] = "agr-1", ["maxUses"] = 5 }, [_keys.Parties[1]]), Token);

        Assert.Equal(EntryFault.RuleViolation, sameId.Verdict.Fault);
        Assert.Contains("unique-agreements", sameId.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoints_EveryIntervalAndOnDemand_SignedAndConsistent()
    {
        await using var log = await _keys.BuildAsync(_dir.Path, entries: 25, interval: 10);

        var files = Directory.GetFiles(Path.Combine(_dir.Path, LedgerLayout.CheckpointsDirectory)).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal([LedgerLayout.CheckpointFileName(10), LedgerLayout.CheckpointFileName(20), LedgerLayout.CheckpointFileName(25)], files);
        Assert.Equal(25UL, log.LatestCheckpoint!.Checkpoint.Size);
        Assert.Equal(_keys.Log.PublicKey.VerifierKey + "\n", await File.ReadAllTextAsync(Path.Combine(_dir.Path, LedgerLayout.LogKeyFile), Token));

        var proof = log.ConsistencyProof(10, 25);
        Assert.True(MerkleVerifier.VerifyConsistency(10, 25, proof, log.RootHash(10), log.RootHash(25)).IsValid);
    }

    [Fact]
    public async Task Receipt_VerifiesOfflineWithTheLogKeyOnly()
    {
        await using var log = await _keys.BuildAsync(_dir.Path, entries: 25, interval: 10);

        var receipt = await log.ReceiptAsync(7, cancellationToken: Token);
        var text = receipt.Format();

        var entry = await log.ReadEntryAsync(7, Token);
        var verifier = Ledger.Notes.NoteVerifier.Create(_keys.Log.Name, Ledger.Notes.NoteSignatureType.Ed25519, _keys.Log.PublicKey.Key);
        Assert.True(TlogProofVerifier.Verify(text, entry.Bytes.Span, _keys.Log.Name, verifier).IsValid);
        Assert.Equal(entry.Bytes.ToArray(), TlogProof.Parse(text).Extra);
    }

    [Fact]
    public async Task Reopen_ReplaysRegistrationsAndRules()
    {
        await (await _keys.BuildAsync(_dir.Path, entries: 15, interval: 10)).DisposeAsync();
        var rule = new RefuseRule();

        await using var log = await LedgerLog.OpenDirectoryAsync(_dir.Path, _keys.Options(10, () => rule), Token);

        Assert.Equal(15UL, log.Size);
        Assert.Equal(4, log.Participants.Count);
        Assert.Equal(15, rule.Applied);
        Assert.True((await log.AppendAsync(TestParties.Agreement(100, _keys.Parties[2]), Token)).IsAccepted);
    }

    [Fact]
    public async Task Reopen_WithAnotherLogKey_Refused()
    {
        await (await _keys.BuildAsync(_dir.Path, entries: 5, interval: 10)).DisposeAsync();
        using var other = Ed25519Signer.Generate("other.example/ledger");

        await Assert.ThrowsAsync<InvalidDataException>(() =>
            LedgerLog.OpenDirectoryAsync(_dir.Path, _keys.Options(10) with { LogKey = other }, Token));
    }

    [Fact]
    public async Task ConcurrentAppends_AllDurableInOneOrder()
    {
        await using var log = await LedgerLog.OpenDirectoryAsync(_dir.Path, _keys.Options(50), Token);
        await RegisterAllAsync(log);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => log.AppendAsync(TestParties.Agreement(i, _keys.Parties[i % 3]), Token), Token)));

        Assert.All(results, r => Assert.True(r.IsAccepted));
        Assert.Equal(Enumerable.Range(4, 200).Select(i => (ulong)i), results.Select(r => r.Index!.Value).Order());
        Assert.Equal(204UL, log.Size);
    }

    public void Dispose()
    {
        _keys.Dispose();
        _dir.Dispose();
    }
}
