namespace DataSpace.Ledger.Entries;

/// <summary>An entry whose signatures all verified against keys registered before it.</summary>
/// <param name="Index">Its index in the log.</param>
/// <param name="Entry">The entry.</param>
/// <param name="Signers">The registered participants that signed it, in signature order (for a registration, the new participant appears once it is registered).</param>
/// <param name="Participants">The registry as of this entry, for rules that look up other parties.</param>
public sealed record AcceptedEntry(ulong Index, LedgerEntry Entry, IReadOnlyList<string> Signers, ParticipantRegistry Participants);
