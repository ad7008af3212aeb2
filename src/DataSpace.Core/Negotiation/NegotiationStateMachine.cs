using DataSpace.Core.StateMachines;
using static DataSpace.Core.Negotiation.NegotiationMessage;
using static DataSpace.Core.Negotiation.NegotiationState;
using static DataSpace.Core.StateMachines.ProtocolRole;

namespace DataSpace.Core.Negotiation;

/// <summary>
/// The contract negotiation state machine (DSP 2025-1, "Contract Negotiation Protocol"):
/// REQUESTED → (OFFERED ⇄ REQUESTED) → ACCEPTED → AGREED → VERIFIED → FINALIZED, and any
/// non-final state → TERMINATED. The consumer sends request, accept and verification; the
/// provider sends offer, agreement and finalize.
/// </summary>
public static class NegotiationStateMachine
{
    /// <summary>The transition table; every move of every negotiation goes through it.</summary>
    public static TransitionTable<NegotiationState, NegotiationMessage> Table { get; } = new(
        "contract negotiation",
        [
            new(null, NegotiationMessage.ContractRequest, Consumer, Requested),
            new(null, ContractOffer, Provider, Offered),
            new(Requested, ContractOffer, Provider, Offered),
            new(Offered, NegotiationMessage.ContractRequest, Consumer, Requested),
            new(Offered, Accept, Consumer, Accepted),
            new(Requested, ContractAgreement, Provider, Agreed),
            new(Accepted, ContractAgreement, Provider, Agreed),
            new(Agreed, AgreementVerification, Consumer, Verified),
            new(Verified, NegotiationMessage.Finalize, Provider, Finalized),
            .. TerminationFromEveryOpenState(),
        ],
        terminal: [Finalized, Terminated]);

    private static IEnumerable<Transition<NegotiationState, NegotiationMessage>> TerminationFromEveryOpenState() =>
        from state in new[] { Requested, Offered, Accepted, Agreed, Verified }
        from role in new[] { Consumer, Provider }
        select new Transition<NegotiationState, NegotiationMessage>(state, Terminate, role, Terminated);
}
