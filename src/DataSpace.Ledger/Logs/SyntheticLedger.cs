using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Signatures;
using DataSpace.Ledger.Entries;

namespace DataSpace.Ledger.Logs;

/// <summary>
/// Writes a realistic synthetic signed ledger, for tests, benchmarks and demonstrations: the
/// operator registers itself, then each participant (signed by the participant and the operator),
/// then contract agreements and completed transfers, each signed by the two parties involved,
/// through a real <see cref="LedgerLog"/> (so every entry is verified at ingest and durable) with
/// checkpoints every interval and at the end. The private keys are discarded afterwards.
/// </summary>
public static class SyntheticLedger
{
    private const int Batch = 512;

    /// <summary>Generates the ledger in <paramref name="directory"/>, which must not hold a ledger yet.</summary>
    /// <param name="directory">The ledger directory to create.</param>
    /// <param name="options">Entries, parties, interval and seed.</param>
    /// <param name="entriesWritten">Progress: entries written so far.</param>
    /// <param name="cancellationToken">Stops generation (the entries written so far stay).</param>
    /// <exception cref="ArgumentException">Fewer entries than registrations, or fewer than two parties.</exception>
    /// <exception cref="IOException">The directory already holds ledger files.</exception>
    public static async Task<SyntheticLedgerSummary> GenerateAsync(string directory, SyntheticLedgerOptions options, IProgress<ulong>? entriesWritten = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Parties < 2 || options.Entries < (ulong)options.Parties + 1)
        {
            throw new ArgumentException($"A synthetic ledger needs at least 2 parties and room for their {options.Parties + 1} registrations.", nameof(options));
        }
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new IOException($"{directory} is not empty; generate into a new directory.");
        }
        var seed = options.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var random = new Random(seed);
        using var logKey = Derive(seed, options.Origin, "log");
        using var operatorKey = Derive(seed, "88.100.1", "operator");
        var parties = Enumerable.Range(0, options.Parties).Select(i => Derive(seed, $"88.608.{1000 + i}", "party")).ToArray();
        try
        {
            await using var log = await LedgerLog.OpenDirectoryAsync(directory, new LedgerLogOptions
            {
                LogKey = logKey,
                Operator = operatorKey.PublicKey,
                CheckpointInterval = options.CheckpointInterval,
            }, cancellationToken).ConfigureAwait(false);

            // Registrations first: each one's signers must be known before its participant signs anything.
            var registrations = new List<LedgerEntry> { Registration(operatorKey, operatorKey, random) };
            registrations.AddRange(parties.Select(p => Registration(p, operatorKey, random)));
            await AppendAsync(log, registrations).ConfigureAwait(false);
            entriesWritten?.Report(log.Size);

            while (log.Size < options.Entries)
            {
                var count = (int)Math.Min((ulong)Batch, options.Entries - log.Size);
                var plans = Enumerable.Range(0, count).Select(i => Plan(random, parties.Length, log.Size + (ulong)i)).ToArray();
                var batch = new LedgerEntry[count];
                Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i => batch[i] = Build(plans[i], parties));
                await AppendAsync(log, batch).ConfigureAwait(false);
                entriesWritten?.Report(log.Size);
            }
            var last = await log.CheckpointAsync(cancellationToken).ConfigureAwait(false);
            var checkpoints = Directory.GetFiles(Path.Combine(directory, LedgerLayout.CheckpointsDirectory)).Length;
            return new SyntheticLedgerSummary(log.Size, log.Participants.Count, checkpoints, log.Origin, log.LogKey.VerifierKey, last.Checkpoint.RootHash);
        }
        finally
        {
            foreach (var party in parties)
            {
                party.Dispose();
            }
        }
    }

    private static async Task AppendAsync(LedgerLog log, IReadOnlyList<LedgerEntry> entries)
    {
        var results = await log.AppendBatchAsync(entries).ConfigureAwait(false);
        if (results.FirstOrDefault(r => !r.IsAccepted) is { } refused)
        {
            throw new InvalidOperationException($"The log refused a synthetic entry: {refused.Verdict}.");
        }
    }

    /// <summary>Keys from the seed, so that a seed fixes the whole ledger.</summary>
    private static Ed25519Signer Derive(int seed, string name, string role) =>
        Ed25519Signer.FromSeed(name, SHA256.HashData(Encoding.UTF8.GetBytes($"dataspace synthetic ledger/{seed}/{role}/{name}")));

    private static LedgerEntry Registration(Ed25519Signer participant, Ed25519Signer operatorKey, Random random)
    {
        var recipient = new byte[32];
        random.NextBytes(recipient);
        var body = new ParticipantRegistration(participant.Name, participant.PublicKey, AgeRecipient(recipient), new JsonObject
        {
            ["country"] = "CN",
            ["sector"] = random.Next(2) == 0 ? "C34" : "C38",
            ["securityProfile"] = "base",
            ["clearance"] = random.Next(1, 4),
        }).ToBody();
        var signers = participant == operatorKey ? new[] { operatorKey } : [participant, operatorKey];
        return LedgerEntry.Create(ParticipantRegistration.EntryType, body, signers);
    }

    /// <summary>A syntactically valid-looking age recipient; the synthetic ledger never encrypts to it.</summary>
    private static string AgeRecipient(byte[] key) =>
        "age1" + string.Concat(key.Select(b => "qpzry9x8gf2tvdw0s3jn54khce6mua7l"[b & 31]));

    private readonly record struct EntryPlan(bool Transfer, int Provider, int Consumer, ulong Serial, long Stamp, int Uses);

    private static EntryPlan Plan(Random random, int parties, ulong serial)
    {
        var provider = random.Next(parties);
        var consumer = (provider + 1 + random.Next(parties - 1)) % parties;
        return new EntryPlan(random.Next(3) != 0, provider, consumer, serial, 1_767_225_600 + random.Next(31_536_000), random.Next(1, 10));
    }

    private static LedgerEntry Build(EntryPlan plan, Ed25519Signer[] parties)
    {
        var (provider, consumer) = (parties[plan.Provider], parties[plan.Consumer]);
        var agreement = $"agr-{plan.Serial.ToString("D10", CultureInfo.InvariantCulture)}";
        var when = DateTimeOffset.FromUnixTimeSeconds(plan.Stamp).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        JsonObject body = plan.Transfer
            ? new()
            {
                ["agreementId"] = agreement,
                ["bytes"] = plan.Uses * 1_048_576,
                ["completedAt"] = when,
                ["consumer"] = consumer.Name,
                ["provider"] = provider.Name,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(agreement))),
                ["transferId"] = $"trf-{plan.Serial.ToString("D10", CultureInfo.InvariantCulture)}",
            }
            : new()
            {
                ["agreementId"] = agreement,
                ["asset"] = $"{provider.Name}/PRD-{plan.Serial % 1000:D4}",
                ["consumer"] = consumer.Name,
                ["maxUses"] = plan.Uses,
                ["notAfter"] = when,
                ["provider"] = provider.Name,
                ["purpose"] = "quality-analysis",
            };
        return LedgerEntry.Create(plan.Transfer ? "synthetic.transfer" : "synthetic.contract", body, [provider, consumer]);
    }
}
