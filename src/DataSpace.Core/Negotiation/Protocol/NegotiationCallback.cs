using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DataSpace.Core.Catalog;
using DataSpace.Core.Json;

namespace DataSpace.Core.Negotiation.Protocol;

/// <summary>
/// What the broker forwards to the provider's connector (<c>POST {endpoint}/dsp/negotiations/callback</c>),
/// signed by the broker (signed JSON). A ContractRequest or Accept carries what the provider decides
/// on: the consumer's message, the offer, the consumer's verified attributes and the broker's own
/// decision; the provider answers with a <see cref="NegotiationAnswer"/>. An AgreementVerification
/// carries only the agreement the consumer countersigned: the provider signed it itself, and it
/// already holds the offer, the terms and both decisions.
/// </summary>
/// <param name="Message">ContractRequest, Accept, AgreementVerification or Terminate.</param>
/// <param name="NegotiationId">The negotiation.</param>
/// <param name="SentAt">When the broker sent it.</param>
/// <param name="Request">For ContractRequest and Accept: the consumer's signed <c>negotiation.requested</c> entry.</param>
/// <param name="Offer">For ContractRequest and Accept: the offer asked for.</param>
/// <param name="Consumer">For ContractRequest and Accept: the consumer's policy subject (id and verified attributes).</param>
/// <param name="BrokerDecision">For ContractRequest and Accept: the broker's negotiation decision record (a JSON object).</param>
/// <param name="Accepted">For Accept: the consumer's signed <c>negotiation.accepted</c> entry.</param>
/// <param name="Agreement">For AgreementVerification: the agreement entry signed by provider and consumer.</param>
/// <param name="Termination">For Terminate: the consumer's signed <c>negotiation.terminated</c> entry.</param>
public sealed record NegotiationCallback(
    NegotiationMessage Message,
    string NegotiationId,
    DateTimeOffset SentAt,
    JsonElement? Request = null,
    Offer? Offer = null,
    JsonObject? Consumer = null,
    [property: JsonConverter(typeof(ObjectElementConverter))] JsonElement? BrokerDecision = null,
    JsonElement? Accepted = null,
    JsonElement? Agreement = null,
    JsonElement? Termination = null)
{
    /// <summary>The path under the provider's endpoint.</summary>
    public const string Path = "dsp/negotiations/callback";
}
