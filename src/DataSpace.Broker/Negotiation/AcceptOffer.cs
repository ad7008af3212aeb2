using System.Text.Json;
using DataSpace.Core.Api;
using DataSpace.Broker.Common;
using DataSpace.Broker.Ledger;
using DataSpace.Core;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Core.Results;
using DataSpace.Core.StateMachines;
using DataSpace.Crypto.Json;
using Mediator;

namespace DataSpace.Broker.Negotiation;

/// <summary>The consumer accepts the provider's counter-offer: its signed <c>negotiation.accepted</c> entry, forwarded to the provider, who answers with the agreement.</summary>
/// <param name="Caller">The authenticated participant.</param>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="Entry">The signed acceptance.</param>
public sealed record AcceptOffer(string Caller, string NegotiationId, JsonElement Entry) : ICommand<Result<NegotiationView>>;

internal sealed class AcceptOfferHandler(BrokerLedger ledger, ConsumerTurn turn, NegotiationSteps steps, TimeProvider clock) : ICommandHandler<AcceptOffer, Result<NegotiationView>>
{
    public async ValueTask<Result<NegotiationView>> Handle(AcceptOffer command, CancellationToken cancellationToken) =>
        await turn.RunAsync(command.Caller, command.NegotiationId, async n =>
        {
            var read = SignedEntries.Read<OfferAccepted>(command.Entry, OfferAccepted.EntryType, "the acceptance");
            if (!read.IsSuccess)
            {
                return read.Error;
            }
            var (entry, accepted) = read.Value;
            var problem = SignedBy.Caller(ledger, entry, command.Caller)
                ?? (accepted.NegotiationId != n.Id ? Error.Invalid($"The acceptance names negotiation {accepted.NegotiationId}, not {n.Id}.") : null)
                ?? (n.CounterTerms is null || !accepted.Terms.SameAs(n.CounterTerms) ? Error.Conflict("The acceptance must repeat the provider's counter-offer terms exactly.") : null)
                ?? n.Move(NegotiationMessage.Accept, ProtocolRole.Consumer);
            if (problem is not null)
            {
                return problem;
            }
            // Decided again now: the agreement rests on the broker's decision on the terms accepted, at the time they were.
            var decision = await steps.DecideAsync(n, accepted.Terms, cancellationToken).ConfigureAwait(false);
            if (!decision.Allowed)
            {
                return await steps.EndAsync(n, decision.Reasons, decision.Record, "denied-by-broker", cancellationToken).ConfigureAwait(false);
            }
            n.BrokerDecision = CanonicalValue.Of(decision.Record);
            n.ExpectedTerms = Agreement.Grant(n.Offer, n.Request with { Terms = accepted.Terms });
            var callback = new NegotiationCallback(NegotiationMessage.Accept, n.Id, Timestamps.Now(clock), n.RequestEntry.ToElement(), n.Offer, n.ConsumerSubject, n.BrokerDecision.Element, Accepted: command.Entry);
            return await steps.ForwardAsync(n, callback, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
}
