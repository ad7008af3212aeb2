using System.Text.Json;

namespace DataSpace.Core.Negotiation.Protocol;

/// <summary>
/// The provider's answer to a <see cref="NegotiationCallback"/>. A ContractOffer or a Finalize is
/// signed by the provider (signed JSON). A ContractAgreement or a Terminate the provider decided
/// on carries its own signed entry, and that signature is the proof the answer is the provider's:
/// such an answer may come without a signature of its own (<see cref="IsProvedByEntry"/>).
/// </summary>
/// <param name="Message">ContractAgreement (with <paramref name="Entry"/>: the agreement it signed), ContractOffer (with
/// <paramref name="CounterTerms"/>), Terminate (with <paramref name="Entry"/>: its signed termination) or Finalize.</param>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="Entry">The signed entry the message carries.</param>
/// <param name="CounterTerms">The terms of a counter-offer.</param>
public sealed record NegotiationAnswer(NegotiationMessage Message, string NegotiationId, JsonElement? Entry = null, RequestedTerms? CounterTerms = null)
{
    /// <summary>
    /// True for the messages whose entry, signed by the provider and naming the negotiation, says
    /// all the answer says: ContractAgreement and Terminate. Signing the answer around it as well
    /// would cost the provider a signature and the broker a verification and prove nothing more.
    /// </summary>
    public static bool IsProvedByEntry(NegotiationMessage message) =>
        message is NegotiationMessage.ContractAgreement or NegotiationMessage.Terminate;
}
