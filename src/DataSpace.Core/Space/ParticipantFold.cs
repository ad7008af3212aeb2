using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Core.Json;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;

namespace DataSpace.Core.Space;

/// <summary>
/// Registrations (checked by the log itself: keys, proof of possession, the operator's
/// countersignature) and changes of standing, which only the operator signs; revocation is final.
/// </summary>
internal sealed class ParticipantFold : IEntryFold
{
    public const string Registered = "participant.registered";

    public IReadOnlyCollection<string> Types { get; } = [Registered, ParticipantStatusChange.EntryType];

    public Result<Action> Decide(SpaceEvent entry, SpaceState state) =>
        entry.Type == Registered ? Register(entry, state) : ChangeStatus(entry, state);

    private static Result<Action> Register(SpaceEvent entry, SpaceState state)
    {
        var body = entry.Body;
        if (!body.TryGetProperty("participantId", out var id) || id.ValueKind != JsonValueKind.String
            || !body.TryGetProperty("verifierKey", out var key) || !body.TryGetProperty("ageRecipient", out var recipient)
            || !body.TryGetProperty("attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Object)
        {
            return Error.Invalid("a registration names participantId, verifierKey, ageRecipient and attributes");
        }
        var participant = new Participant(id.GetString()!, key.GetString()!, recipient.GetString()!, JsonNode.Parse(attributes.GetRawText())!.AsObject(), ParticipantStatus.Active, entry.Index);
        return Result<Action>.Success(() => state.Put(participant));
    }

    private static Result<Action> ChangeStatus(SpaceEvent entry, SpaceState state)
    {
        var read = DomainJson.Read<ParticipantStatusChange>(entry.Body, "participant.status");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var change = read.Value;
        if (FoldChecks.Signed(entry, state.OperatorId, "operator") is { } unsigned)
        {
            return unsigned;
        }
        if (state.FindParticipant(change.ParticipantId) is not { } participant)
        {
            return Error.NotFound($"{change.ParticipantId} is not a registered participant");
        }
        if (change.ParticipantId == state.OperatorId)
        {
            return Error.Forbidden("the operator cannot change its own standing");
        }
        if (participant.Status == ParticipantStatus.Revoked)
        {
            return Error.Conflict($"{change.ParticipantId} is revoked; revocation is final");
        }
        return Result<Action>.Success(() => state.Put(participant with { Status = change.Status }));
    }
}
