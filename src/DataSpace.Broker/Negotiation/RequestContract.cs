using System.Text.Json;
using DataSpace.Core.Api;
using System.Text.Json.Nodes;
using DataSpace.Broker.Common;
using DataSpace.Broker.Ledger;
using DataSpace.Core;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Negotiation.Protocol;
using DataSpace.Core.Policies;
using DataSpace.Core.Results;
using DataSpace.Core.StateMachines;
using DataSpace.Crypto.Json;
using DataSpace.Ledger.Entries;
using Mediator;

namespace DataSpace.Broker.Negotiation;

/// <summary>
/// A consumer asks for a contract: its <c>negotiation.requested</c> entry, signed by itself. The
/// broker evaluates <c>dataspace.negotiation</c> (a denial is recorded with its reasons, unless the
/// policy names narrower terms the provider may counter-offer), then forwards the request to the
/// provider, whose answer comes back in the same call. Sending the
/// same request again (same request id) returns the same negotiation.
/// </summary>
/// <param name="Caller">The authenticated participant.</param>
/// <param name="Entry">The signed request.</param>
public sealed record RequestContract(string Caller, JsonElement Entry) : ICommand<Result<NegotiationView>>;

internal sealed class RequestContractHandler(BrokerLedger ledger, NegotiationBook book, NegotiationSteps steps, TimeProvider clock)
    : ICommandHandler<RequestContract, Result<NegotiationView>>
{
    public async ValueTask<Result<NegotiationView>> Handle(RequestContract command, CancellationToken cancellationToken)
    {
        var read = Read(command);
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var (entry, request) = read.Value;
        var id = NegotiationIds.Negotiation(request.Consumer, request.RequestId);
        if (await NegotiationLookup.EndedAsync(ledger, id, cancellationToken).ConfigureAwait(false) is { } ended)
        {
            return ended;
        }
        var state = ledger.State;
        if (state.FindOffer(request.OfferId) is not { Withdrawn: false } offer)
        {
            return Error.NotFound($"Offer {request.OfferId} is not in the catalog.");
        }
        if (state.FindParticipant(offer.Offer.Provider) is not { IsActive: true })
        {
            return Error.Unavailable($"The provider {offer.Offer.Provider} is not active in the space.");
        }
        var subject = PolicyInputs.Subject(state.FindParticipant(request.Consumer)!);
        var n = book.GetOrAdd(id, () => new OpenNegotiation(id, entry, request, offer.Offer, subject));
        await n.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!n.RequestEntry.SigningInput.Span.SequenceEqual(entry.SigningInput.Span))
            {
                // Another request under the same id: new terms answering a counter-offer, or a conflict.
                if (n.CounterRequest(entry, request) is { } notACounterRequest)
                {
                    return notACounterRequest;
                }
            }
            else if (n.State is not null)
            {
                // A retry of a request already taken: answer with where it stands.
                return await NegotiationLookup.EndedAsync(ledger, id, cancellationToken).ConfigureAwait(false) ?? NegotiationViews.Of(n);
            }
            else
            {
                n.Move(NegotiationMessage.ContractRequest, ProtocolRole.Consumer);
            }
            var decision = await steps.DecideAsync(n, request.Terms, cancellationToken).ConfigureAwait(false);
            if (!decision.Allowed && CounterOffers.From(decision.Record) is null)
            {
                return await steps.EndAsync(n, decision.Reasons, decision.Record, "denied-by-broker", cancellationToken).ConfigureAwait(false);
            }
            // A refusal that narrower terms would cure goes to the provider, whose policy is
            // authoritative and may counter-offer; it can never agree on the terms refused here (AgreementCheck).
            n.BrokerDecision = CanonicalValue.Of(decision.Record);
            n.ExpectedTerms = Agreement.Grant(offer.Offer, request);
            var callback = new NegotiationCallback(NegotiationMessage.ContractRequest, id, Timestamps.Now(clock), command.Entry, offer.Offer, subject, n.BrokerDecision.Element);
            return await steps.ForwardAsync(n, callback, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            n.Gate.Release();
        }
    }

    private Result<(LedgerEntry Entry, ContractRequest Request)> Read(RequestContract command)
    {
        var read = SignedEntries.Read<ContractRequest>(command.Entry, ContractRequest.EntryType, "the contract request");
        if (!read.IsSuccess)
        {
            return read.Error;
        }
        var (entry, request) = read.Value;
        var problem = request.Validate()
            ?? (request.Consumer != command.Caller ? Error.Forbidden($"{command.Caller} cannot request a contract for {request.Consumer}.") : null)
            ?? SignedBy.Caller(ledger, entry, command.Caller);
        return problem is null ? read : problem;
    }
}
