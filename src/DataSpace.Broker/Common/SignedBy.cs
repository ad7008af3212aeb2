using DataSpace.Broker.Ledger;
using DataSpace.Core.Results;
using DataSpace.Ledger.Entries;

namespace DataSpace.Broker.Common;

/// <summary>The check on every message a party sends: it carries a valid signature by the authenticated caller, who is active.</summary>
internal static class SignedBy
{
    public static Error? Caller(BrokerLedger ledger, LedgerEntry entry, string caller)
    {
        if (ledger.State.FindParticipant(caller) is not { } participant)
        {
            return Error.Forbidden($"{caller} is not a registered participant.");
        }
        if (!participant.IsActive)
        {
            return Error.Forbidden($"{caller} is {participant.Status.ToString().ToLowerInvariant()}.");
        }
        var key = ledger.Log.Participants.FindById(caller)!.Key;
        return entry.IsSignedBy(key) ? null : Error.Forbidden($"The {entry.Type} entry does not carry a valid signature by {caller} (the signer must be the authenticated caller).");
    }
}
