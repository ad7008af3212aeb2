using System.Text.Json;
using DataSpace.Core.Api;
using System.Text.Json.Nodes;
using DataSpace.Broker.Common;
using DataSpace.Broker.Ledger;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;
using DataSpace.Ledger.Entries;
using Mediator;

namespace DataSpace.Broker.Registry;

/// <summary>
/// Onboarding: the operator submits a participant's <c>participant.registered</c> entry, signed by
/// the participant itself (proof that it holds the key); the broker checks the attributes,
/// countersigns as operator and records it.
/// </summary>
/// <param name="Entry">The registration entry as sent.</param>
public sealed record RegisterParticipant(JsonElement Entry) : ICommand<Result<ParticipantView>>;

internal sealed class RegisterParticipantHandler(BrokerLedger ledger) : ICommandHandler<RegisterParticipant, Result<ParticipantView>>
{
    public async ValueTask<Result<ParticipantView>> Handle(RegisterParticipant command, CancellationToken cancellationToken)
    {
        var read = SignedEntries.Read(command.Entry, ParticipantRegistration.EntryType);
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var entry = read.Value;
        if (!ParticipantRegistration.TryRead(entry.Body, out var registration, out var reason))
        {
            return Error.Invalid($"The registration is not valid: {reason}.");
        }
        if (AttributeRules.Validate(registration!.Attributes) is { } invalid)
        {
            return invalid;
        }
        if (entry.Signatures.Count != 1 || !entry.IsSignedBy(registration.VerifierKey))
        {
            return Error.Forbidden($"The registration must carry exactly one signature, by {registration.ParticipantId}'s own key, over its content (proof of possession).");
        }
        if (ledger.State.FindParticipant(registration.ParticipantId) is { } existing)
        {
            return Error.Conflict($"{registration.ParticipantId} is already registered (index {existing.RegisteredAt}).");
        }
        var appended = await ledger.AppendAsync(entry.Countersign(ledger.Keys.Signer), cancellationToken).ConfigureAwait(false);
        if (!appended.IsSuccess)
        {
            return appended.Error;
        }
        return ParticipantView.Of(ledger.State.FindParticipant(registration.ParticipantId)!);
    }
}
