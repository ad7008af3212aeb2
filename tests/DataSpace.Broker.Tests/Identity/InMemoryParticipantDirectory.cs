using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DataSpace.Broker.Registry;
using DataSpace.Core.Participants;
using DataSpace.Crypto.Signatures;

namespace DataSpace.Broker.Tests.Identity;

/// <summary>Registered participants held in memory; the registry proper is another feature.</summary>
internal sealed class InMemoryParticipantDirectory : IParticipantDirectory
{
    private readonly ConcurrentDictionary<string, Participant> _participants = new(StringComparer.Ordinal);

    public Participant? Find(string participantId) => _participants.GetValueOrDefault(participantId);

    public Participant Register(Ed25519Signer signer, JsonObject? attributes = null, ParticipantStatus status = ParticipantStatus.Active)
    {
        var participant = new Participant(signer.Name, signer.PublicKey.VerifierKey, "age1test", attributes ?? [], status, (ulong)_participants.Count);
        _participants[participant.Id] = participant;
        return participant;
    }

    public void Put(Participant participant) => _participants[participant.Id] = participant;
}
