using System.Text.Json.Nodes;
using DataSpace.Core.Catalog;

namespace DataSpace.Core.Negotiation.Protocol;

/// <summary>
/// What the broker forwards to the provider's connector (<c>POST {endpoint}/dsp/negotiations/callback</c>),
/// signed by the broker (signed JSON): the consumer's message, the offer, the consumer's verified
/// attributes and the broker's own decision. The provider decides with its own policy and answers
/// with a <see cref="NegotiationAnswer"/>.
/// </summary>
/// <param name="Message">ContractRequest, Accept, AgreementVerification or Terminate.</param>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="Request">The consumer's signed <c>negotiation.requested</c> entry.</param>
/// <param name="Offer">The offer asked for.</param>
/// <param name="Consumer">The consumer's policy subject (id and verified attributes).</param>
/// <param name="BrokerDecision">The broker's negotiation decision record.</param>
/// <param name="SentAt">When the broker sent it.</param>
/// <param name="Accepted">For Accept: the consumer's signed <c>negotiation.accepted</c> entry.</param>
/// <param name="Agreement">For AgreementVerification: the agreement entry signed by provider and consumer.</param>
/// <param name="Termination">For Terminate: the consumer's signed <c>negotiation.terminated</c> entry.</param>
public sealed record NegotiationCallback(
    NegotiationMessage Message,
    string NegotiationId,
    JsonObject Request,
    Offer Offer,
    JsonObject Consumer,
    JsonObject BrokerDecision,
    DateTimeOffset SentAt,
    JsonObject? Accepted = null,
    JsonObject? Agreement = null,
    JsonObject? Termination = null)
{
    /// <summary>The path under the provider's endpoint.</summary>
    public const string Path = "dsp/negotiations/callback";
}
