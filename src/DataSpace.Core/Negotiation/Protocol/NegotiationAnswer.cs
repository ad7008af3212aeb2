using System.Text.Json;

namespace DataSpace.Core.Negotiation.Protocol;

/// <summary>
/// The provider's answer to a <see cref="NegotiationCallback"/>, signed by the provider (signed JSON).
/// </summary>
/// <param name="Message">ContractAgreement (with <paramref name="Entry"/>: the agreement it signed), ContractOffer (with
/// <paramref name="CounterTerms"/>), Terminate (with <paramref name="Entry"/>: its signed termination) or Finalize.</param>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="Entry">The signed entry the message carries.</param>
/// <param name="CounterTerms">The terms of a counter-offer.</param>
public sealed record NegotiationAnswer(NegotiationMessage Message, string NegotiationId, JsonElement? Entry = null, RequestedTerms? CounterTerms = null);
