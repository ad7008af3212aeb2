using System.Buffers.Binary;
using System.Security.Cryptography;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Ledger.Entries;

/// <summary>
/// The rules every entry passes to enter a log, shared by the log (at append) and the auditor (on
/// replay) so both decide alike. Three steps:
/// 1. <see cref="Prepare"/> resolves each signature's key against the registrations before the
///    entry (the operator's key and, for a registration, the new key itself count too);
/// 2. <see cref="PreparedEntry.VerifySignatures"/> checks the signatures, in parallel if wanted;
/// 3. <see cref="Admit"/>, strictly in log order, re-checks registration uniqueness, refuses
///    replays of content already recorded, runs the domain rules, then folds the entry in.
/// </summary>
/// <remarks>Steps 1–2 may run on any thread; step 3 is single-threaded.</remarks>
internal sealed class EntryAdmission(Ed25519PublicKey? operatorKey, IReadOnlyList<IEntryRule> rules)
{
    // Replays are found by SHA-256 of the signing input, truncated to 128 bits (collision odds
    // about n²/2^129: negligible for any ledger), mapped to the index that first recorded it.
    private readonly Dictionary<UInt128, ulong> _contents = [];

    public ParticipantRegistry Participants { get; } = new();

    /// <summary>The operator's key; null when an auditor could not learn it (every registration then fails).</summary>
    public Ed25519PublicKey? Operator { get; } = operatorKey;

    public IReadOnlyList<IEntryRule> Rules { get; } = rules;

    public EntryVerdict Prepare(LedgerEntry entry, out PreparedEntry? prepared)
    {
        prepared = null;
        var keys = new Ed25519PublicKey[entry.Signatures.Count];
        if (entry.Type != ParticipantRegistration.EntryType)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                var kid = entry.Signatures[i].KeyId;
                if (Participants.Find(kid) is not { } key)
                {
                    return EntryVerdict.Refuse(EntryFault.UnknownSigner, $"signer {kid} is not a registered participant key");
                }
                keys[i] = key;
            }
            prepared = new PreparedEntry(entry, keys, null);
            return EntryVerdict.Accepted;
        }
        if (!ParticipantRegistration.TryRead(entry.Body, out var registration, out var reason))
        {
            return EntryVerdict.Refuse(EntryFault.InvalidRegistration, reason!);
        }
        if (AlreadyRegistered(registration!) is { } taken)
        {
            return taken;
        }
        var own = registration!.VerifierKey;
        for (var i = 0; i < keys.Length; i++)
        {
            var kid = entry.Signatures[i].KeyId;
            keys[i] = kid == own.KeyId ? own
                : kid == Operator?.KeyId ? Operator
                : null!;
            if (keys[i] is null)
            {
                return EntryVerdict.Refuse(EntryFault.InvalidRegistration, $"signer {kid} may not sign a registration; only the participant and the operator do");
            }
        }
        if (!keys.Contains(own))
        {
            return EntryVerdict.Refuse(EntryFault.InvalidRegistration, $"{registration.ParticipantId} did not sign its own registration (proof of possession)");
        }
        if (Operator is null || !keys.Contains(Operator))
        {
            return EntryVerdict.Refuse(EntryFault.InvalidRegistration, $"the operator {Operator?.KeyId ?? "(unknown key)"} did not countersign the registration");
        }
        prepared = new PreparedEntry(entry, keys, registration);
        return EntryVerdict.Accepted;
    }

    /// <summary>Step 3: the order-dependent checks, then the state change. Single-threaded.</summary>
    public EntryVerdict Admit(PreparedEntry prepared, ulong index)
    {
        if (prepared.Registration is { } registration && AlreadyRegistered(registration) is { } taken)
        {
            return taken;
        }
        var digest = ContentDigest(prepared.Entry);
        if (_contents.TryGetValue(digest, out var first))
        {
            return EntryVerdict.Refuse(EntryFault.Duplicate, $"the same content was recorded at index {first} (replay)");
        }
        var accepted = new AcceptedEntry(index, prepared.Entry, prepared.Keys.Select(k => k.Name).ToArray(), Participants);
        foreach (var rule in Rules)
        {
            var verdict = rule.Check(accepted);
            if (!verdict.IsValid)
            {
                return EntryVerdict.RefuseByRule(rule.Name, verdict.Reason!);
            }
        }
        Apply(accepted, digest, prepared.Registration);
        return EntryVerdict.Accepted;
    }

    /// <summary>
    /// Folds an entry the log itself accepted earlier (reopening a log): no signature check, but
    /// the same state change. Throws when the stored bytes are not an entry at all.
    /// </summary>
    public void Replay(LedgerEntry entry, ulong index)
    {
        ParticipantRegistration? registration = null;
        if (entry.Type == ParticipantRegistration.EntryType && !ParticipantRegistration.TryRead(entry.Body, out registration, out var reason))
        {
            throw new InvalidDataException($"Entry {index} is an invalid registration ({reason}); audit the ledger.");
        }
        var signers = entry.Signatures.Select(s => s.KeyId[..s.KeyId.IndexOf('+', StringComparison.Ordinal)]).ToArray();
        Apply(new AcceptedEntry(index, entry, signers, Participants), ContentDigest(entry), registration);
    }

    private void Apply(AcceptedEntry accepted, UInt128 digest, ParticipantRegistration? registration)
    {
        if (registration is not null)
        {
            Participants.Add(new RegisteredParticipant(registration, accepted.Index));
        }
        _contents[digest] = accepted.Index;
        foreach (var rule in Rules)
        {
            rule.Apply(accepted);
        }
    }

    private EntryVerdict? AlreadyRegistered(ParticipantRegistration registration)
    {
        var existing = Participants.FindById(registration.ParticipantId) ?? Participants.FindByKeyId(registration.VerifierKey.KeyId);
        return existing is null ? null
            : EntryVerdict.Refuse(EntryFault.InvalidRegistration, $"{existing.ParticipantId} is already registered (index {existing.Index})");
    }

    private static UInt128 ContentDigest(LedgerEntry entry)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(entry.SigningInput.Span, hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
