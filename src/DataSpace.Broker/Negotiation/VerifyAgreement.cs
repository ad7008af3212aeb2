using System.Text.Json;
using DataSpace.Core.Api;
using System.Text.Json.Nodes;
using DataSpace.Broker.Common;
using DataSpace.Broker.Ledger;
using DataSpace.Core;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Core.Results;
using DataSpace.Core.StateMachines;
using Mediator;

namespace DataSpace.Broker.Negotiation;

/// <summary>
/// The consumer verifies the agreement: the provider-signed agreement entry, countersigned by the
/// consumer. The broker forwards it to the provider; on its Finalize the broker countersigns and
/// records the agreement, which is then FINALIZED.
/// </summary>
/// <param name="Caller">The authenticated participant.</param>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="Entry">The agreement entry with the provider's and the consumer's signatures.</param>
public sealed record VerifyAgreement(string Caller, string NegotiationId, JsonElement Entry) : ICommand<Result<NegotiationView>>;

internal sealed class VerifyAgreementHandler(BrokerLedger ledger, ConsumerTurn turn, NegotiationSteps steps, TimeProvider clock) : ICommandHandler<VerifyAgreement, Result<NegotiationView>>
{
    public async ValueTask<Result<NegotiationView>> Handle(VerifyAgreement command, CancellationToken cancellationToken) =>
        await turn.RunAsync(command.Caller, command.NegotiationId, async n =>
        {
            var read = SignedEntries.Read(command.Entry, Agreement.EntryType);
            if (!read.IsSuccess)
            {
                return read.Error;
            }
            var entry = read.Value;
            var problem = (n.AgreementEntry is not { } agreed || !agreed.SigningInput.Span.SequenceEqual(entry.SigningInput.Span)
                    ? Error.Conflict("The verification must countersign the agreement the provider sent, unchanged.")
                    : null)
                ?? SignedBy.Caller(ledger, entry, command.Caller)
                ?? (entry.Signatures.Count != 2 ? Error.Invalid("The verified agreement carries exactly the provider's and the consumer's signatures.") : null)
                ?? n.Move(NegotiationMessage.AgreementVerification, ProtocolRole.Consumer);
            if (problem is not null)
            {
                return problem;
            }
            // The provider's signature was checked when its agreement arrived: the ledger need not check it again.
            entry.AdoptVerificationsOf(n.AgreementEntry!);
            n.AgreementEntry = entry;
            var callback = new NegotiationCallback(NegotiationMessage.AgreementVerification, n.Id, Timestamps.Now(clock), Agreement: command.Entry);
            return await steps.ForwardAsync(n, callback, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
}
