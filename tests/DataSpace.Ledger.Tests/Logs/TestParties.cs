using System.Text.Json.Nodes;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;
using DataSpace.Ledger.Logs;

namespace DataSpace.Ledger.Tests.Logs;

/// <summary>A log key, an operator and participants whose private keys the tests keep.</summary>
internal sealed class TestParties : IDisposable
{
    public TestParties(int parties)
    {
        Log = Ed25519Signer.Generate("test.example/ledger");
        Operator = Ed25519Signer.Generate("88.100.1");
        Parties = [.. Enumerable.Range(0, parties).Select(i => Ed25519Signer.Generate($"88.608.{1000 + i}"))];
    }

    public Ed25519Signer Log { get; }

    public Ed25519Signer Operator { get; }

    public Ed25519Signer[] Parties { get; }

    public LedgerLogOptions Options(ulong interval = 10, params Func<IEntryRule>[] rules) =>
        new() { LogKey = Log, Operator = Operator.PublicKey, CheckpointInterval = interval, Rules = rules };

    public static LedgerEntry Registration(Ed25519Signer participant, params Ed25519Signer[] signers) =>
        LedgerEntry.Create(ParticipantRegistration.EntryType, new ParticipantRegistration(participant.Name, participant.PublicKey,
            "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq", new JsonObject { ["country"] = "CN" }).ToBody(), signers);

    /// <summary>The operator's own registration, then every party's.</summary>
    public IEnumerable<LedgerEntry> Registrations() =>
        [Registration(Operator, Operator), .. Parties.Select(p => Registration(p, p, Operator))];

    public static LedgerEntry Agreement(int serial, params Ed25519Signer[] signers) =>
        LedgerEntry.Create("contract.agreed", new JsonObject { ["agreementId"] = $"agr-{serial}", ["maxUses"] = serial % 7 }, signers);

    /// <summary>A ledger of registrations then two-party agreements, with a final checkpoint.</summary>
    public async Task<LedgerLog> BuildAsync(string directory, int entries, ulong interval, int seed = 1)
    {
        var log = await LedgerLog.OpenDirectoryAsync(directory, Options(interval), TestContext.Current.CancellationToken);
        var random = new Random(seed);
        var all = Registrations().ToList();
        for (var i = all.Count; i < entries; i++)
        {
            var a = random.Next(Parties.Length);
            var b = (a + 1 + random.Next(Parties.Length - 1)) % Parties.Length;
            all.Add(Agreement(i, Parties[a], Parties[b]));
        }
        var results = await log.AppendBatchAsync(all, TestContext.Current.CancellationToken);
        Assert.All(results, r => Assert.True(r.IsAccepted, r.Verdict.ToString()));
        await log.CheckpointAsync(TestContext.Current.CancellationToken);
        return log;
    }

    public void Dispose()
    {
        Log.Dispose();
        Operator.Dispose();
        foreach (var party in Parties)
        {
            party.Dispose();
        }
    }
}
