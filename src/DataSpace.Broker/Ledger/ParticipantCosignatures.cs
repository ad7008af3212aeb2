using DataSpace.Core.Results;
using DataSpace.Core.Space;
using DataSpace.Ledger.Checkpoints;
using DataSpace.Ledger.Logs;

namespace DataSpace.Broker.Ledger;

/// <summary>
/// Whose cosignature a posted checkpoint must carry and under which key: the caller must be an
/// active registered participant, and its cosigner key is its registered Ed25519 key as a
/// cosignature/v1 key named by its participant id (<see cref="ParticipantCosigner"/>). The rest —
/// the log's own signature, the size and root against the tree, the cosignature itself — is
/// <see cref="CosignatureIntake"/>.
/// </summary>
internal static class ParticipantCosignatures
{
    public static Result<AcceptedCosignature> Check(BrokerLedger ledger, string caller, string note) =>
        Check(ledger.Log, ledger.State, caller, note);

    public static Result<AcceptedCosignature> Check(LedgerLog log, SpaceState state, string caller, string note)
    {
        if (state.FindParticipant(caller) is not { } participant || log.Participants.FindById(caller) is not { } registered)
        {
            return Error.Forbidden($"{caller} is not a registered participant; only participants witness the ledger.");
        }
        if (!participant.IsActive)
        {
            return Error.Forbidden($"{caller} is {participant.Status.ToString().ToLowerInvariant()}.");
        }
        return CosignatureIntake.Check(note, log, ParticipantCosigner.Verifier(registered.Key));
    }
}
