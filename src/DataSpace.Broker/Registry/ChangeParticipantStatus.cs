using DataSpace.Core.Api;
using DataSpace.Broker.Ledger;
using DataSpace.Core;
using DataSpace.Core.Json;
using DataSpace.Core.Participants;
using DataSpace.Core.Results;
using DataSpace.Hosting.Mediation;
using DataSpace.Ledger.Entries;
using Mediator;

namespace DataSpace.Broker.Registry;

/// <summary>The operator suspends, reinstates or revokes a participant; the broker signs the <c>participant.status</c> entry.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Status">active, suspended or revoked.</param>
/// <param name="Reason">Why, recorded in the ledger.</param>
public sealed record ChangeParticipantStatus(string ParticipantId, string Status, string Reason) : ICommand<Result<ParticipantView>>, IValidated
{
    /// <inheritdoc/>
    public Error? Validate() =>
        !Enum.TryParse<ParticipantStatus>(Status, ignoreCase: true, out _) || int.TryParse(Status, out _)
            ? Error.Invalid($"status \"{Status}\" is not one of active, suspended, revoked.")
            : string.IsNullOrWhiteSpace(Reason) || Reason.Length > 500 ? Error.Invalid("reason must be 1-500 characters: it is recorded in the ledger.")
            : null;
}

internal sealed class ChangeParticipantStatusHandler(BrokerLedger ledger, TimeProvider clock) : ICommandHandler<ChangeParticipantStatus, Result<ParticipantView>>
{
    public async ValueTask<Result<ParticipantView>> Handle(ChangeParticipantStatus command, CancellationToken cancellationToken)
    {
        if (ledger.State.FindParticipant(command.ParticipantId) is null)
        {
            return Error.NotFound($"{command.ParticipantId} is not a registered participant.");
        }
        var change = new ParticipantStatusChange(command.ParticipantId, Enum.Parse<ParticipantStatus>(command.Status, ignoreCase: true), command.Reason, Timestamps.Now(clock));
        var entry = LedgerEntry.FromRecord(ParticipantStatusChange.EntryType, change, [ledger.Keys.Signer]);
        var appended = await ledger.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        return appended.IsSuccess ? ParticipantView.Of(ledger.State.FindParticipant(command.ParticipantId)!) : appended.Error;
    }
}
