using System.Text.Json;
using DataSpace.Core.Policies;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;

namespace DataSpace.Core.Space;

/// <summary>Checks several folds share: who signed, who is in good standing, whether a decision allowed.</summary>
internal static class FoldChecks
{
    public static Error? Signed(SpaceEvent entry, string participantId, string role) =>
        entry.SignedBy(participantId) ? null : Error.Forbidden($"the entry is not signed by the {role} {participantId}");

    public static Error? Active(SpaceState state, string participantId, string role) => state.FindParticipant(participantId) switch
    {
        null => Error.NotFound($"the {role} {participantId} is not a registered participant"),
        { Status: not ParticipantStatus.Active } p => Error.Forbidden($"the {role} {participantId} is {p.Status.ToString().ToLowerInvariant()}"),
        _ => null,
    };

    /// <summary>A recorded decision must have allowed, under a bundle the ledger holds, so it can be re-evaluated.</summary>
    public static Error? Allowed(SpaceState state, JsonElement decision, string what)
    {
        if (!DecisionRecords.Allowed(decision))
        {
            return Error.Forbidden($"the {what} decision did not allow it");
        }
        if (!decision.TryGetProperty("bundle_digest", out var digest) || digest.ValueKind != JsonValueKind.String || state.FindBundle(digest.GetString()!) is null)
        {
            return Error.Invalid($"the {what} decision names no policy bundle recorded in the ledger, so it cannot be re-evaluated");
        }
        return decision.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Object ? null : Error.Invalid($"the {what} decision carries no input");
    }

    public static Result<Action> Refuse(Error? error) => Result<Action>.Failure(error!);
}
