using DataSpace.Broker.Ledger;
using DataSpace.Core.Participants;

namespace DataSpace.Broker.Registry;

/// <summary>The participants as the ledger's projection holds them.</summary>
internal sealed class ParticipantDirectory(BrokerLedger ledger) : IParticipantDirectory
{
    public Participant? Find(string participantId) => ledger.State.FindParticipant(participantId);
}
