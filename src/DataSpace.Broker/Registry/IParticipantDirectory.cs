using DataSpace.Core.Participants;

namespace DataSpace.Broker.Registry;

/// <summary>The participants the broker knows, as the ledger projection holds them now.</summary>
public interface IParticipantDirectory
{
    /// <summary>The participant with this id, or null when none is registered.</summary>
    Participant? Find(string participantId);
}
