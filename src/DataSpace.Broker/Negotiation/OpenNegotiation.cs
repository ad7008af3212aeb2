using System.Text.Json.Nodes;
using DataSpace.Core.Catalog;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Results;
using DataSpace.Core.StateMachines;
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

    public LedgerEntry RequestEntry { get; } = requestEntry;

    public ContractRequest Request { get; } = request;

    public Offer Offer { get; } = offer;

    public JsonObject ConsumerSubject { get; } = consumerSubject;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Null before the first message is taken.</summary>
    public NegotiationState? State { get; private set; }

    public JsonObject? BrokerDecision { get; set; }

    /// <summary>The terms the agreement must grant: the request's, or the counter-offer the consumer accepted.</summary>
    public AgreementTerms? ExpectedTerms { get; set; }

    public RequestedTerms? CounterTerms { get; set; }

    /// <summary>The agreement as the provider signed it, then as the consumer countersigned it.</summary>
    public LedgerEntry? AgreementEntry { get; set; }

    public IReadOnlyList<string> Reasons { get; set; } = [];

    public ulong? LedgerIndex { get; set; }

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
