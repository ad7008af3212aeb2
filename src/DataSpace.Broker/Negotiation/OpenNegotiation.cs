using System.Text.Json.Nodes;
using DataSpace.Core.Catalog;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Core.StateMachines;
using DataSpace.Crypto.Json;
using DataSpace.Ledger.Entries;

namespace DataSpace.Broker.Negotiation;

/// <summary>
/// A negotiation in progress at the broker. Every move goes through the DSP state machine
/// (<see cref="NegotiationStateMachine"/>); one message at a time (<see cref="Gate"/>), so two
/// copies of the same request cannot race. Once FINALIZED or TERMINATED it lives on in the ledger only.
/// </summary>
internal sealed class OpenNegotiation(string id, LedgerEntry requestEntry, ContractRequest request, Offer offer, JsonObject consumerSubject)
{
    public string Id { get; } = id;

    /// <summary>The consumer's latest request: the first, or the counter-request that answered a counter-offer.</summary>
    public LedgerEntry RequestEntry { get; private set; } = requestEntry;

    public ContractRequest Request { get; private set; } = request;

    public Offer Offer { get; } = offer;

    public JsonObject ConsumerSubject { get; } = consumerSubject;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Null before the first message is taken.</summary>
    public NegotiationState? State { get; private set; }

    /// <summary>The broker's decision on the terms the provider is asked about, kept canonical: it goes into the callback and comes back inside the agreement.</summary>
    public CanonicalValue? BrokerDecision { get; set; }

    /// <summary>The terms the agreement must grant: the request's, or the counter-offer the consumer accepted.</summary>
    public AgreementTerms? ExpectedTerms { get; set; }

    public RequestedTerms? CounterTerms { get; set; }

    /// <summary>The agreement as the provider signed it, then as the consumer countersigned it.</summary>
    public LedgerEntry? AgreementEntry { get; set; }

    public IReadOnlyList<string> Reasons { get; set; } = [];

    public ulong? LedgerIndex { get; set; }

    /// <summary>
    /// Takes the consumer's answer to a counter-offer with new terms (OFFERED → REQUESTED): the same
    /// request id, offer, purpose, destination and delivery; only the terms may differ.
    /// </summary>
    public Error? CounterRequest(LedgerEntry entry, ContractRequest request)
    {
        if (State != NegotiationState.Offered || request.OfferId != Request.OfferId || request.Purpose != Request.Purpose
            || request.Destination != Request.Destination || request.Delivery != Request.Delivery)
        {
            return Error.Conflict($"Request id {request.RequestId} was already used for a different request (negotiation {Id}); only an OFFERED negotiation takes new terms under it.");
        }
        if (Move(NegotiationMessage.ContractRequest, ProtocolRole.Consumer) is { } illegal)
        {
            return illegal;
        }
        (RequestEntry, Request, CounterTerms) = (entry, request, null);
        return null;
    }

    /// <summary>Moves the state machine, or says why the message is not allowed now.</summary>
    public Error? Move(NegotiationMessage message, ProtocolRole sender)
    {
        var next = State is { } current ? NegotiationStateMachine.Table.Apply(current, message, sender) : NegotiationStateMachine.Table.Start(message, sender);
        if (!next.IsSuccess)
        {
            return next.Error;
        }
        State = next.Value;
        return null;
    }
}
