using System.Collections.Concurrent;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Ledger.Entries;

/// <summary>
/// The participants registered in a log so far, by key id and by participant id. Only the entry
/// admission adds to it, in log order; lookups are safe from any thread, so signature checks can
/// run in parallel while one thread admits entries.
/// </summary>
public sealed class ParticipantRegistry : IVerifierKeyResolver
{
    private readonly ConcurrentDictionary<string, RegisteredParticipant> _byKeyId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RegisteredParticipant> _byId = new(StringComparer.Ordinal);

    /// <summary>Number of registered participants.</summary>
    public int Count => _byId.Count;

    /// <summary>Every registered participant, in no particular order.</summary>
    public IEnumerable<RegisteredParticipant> All => _byId.Values;

    /// <inheritdoc/>
    public Ed25519PublicKey? Find(string keyId) => _byKeyId.TryGetValue(keyId, out var p) ? p.Key : null;

    /// <summary>The participant whose key has this id, or null.</summary>
    public RegisteredParticipant? FindByKeyId(string keyId) => _byKeyId.GetValueOrDefault(keyId);

    /// <summary>The participant with this id, or null.</summary>
    public RegisteredParticipant? FindById(string participantId) => _byId.GetValueOrDefault(participantId);

    internal void Add(RegisteredParticipant participant)
    {
        _byId[participant.ParticipantId] = participant;
        _byKeyId[participant.Key.KeyId] = participant;
    }
}
