using System.Text.Json.Nodes;
using DataSpace.Core.Catalog;
using DataSpace.Core.Json;
using DataSpace.Core.Negotiation;
using DataSpace.Core.Participants;

namespace DataSpace.Core.Policies;

/// <summary>
/// The input documents of the four decision points (policies/README.md, "Input document"), built
/// in one place from domain records so that the broker, the provider and the consumer ask their
/// policies the same question in the same shape.
/// </summary>
public static class PolicyInputs
{
    /// <summary>The decision path of the catalog policy.</summary>
    public const string CatalogPath = "dataspace/catalog/decision";

    /// <summary>The decision path of the negotiation policy.</summary>
    public const string NegotiationPath = "dataspace/negotiation/decision";

    /// <summary>The decision path of the transfer policy.</summary>
    public const string TransferPath = "dataspace/transfer/decision";

    /// <summary>The decision path of the usage policy.</summary>
    public const string UsagePath = "dataspace/usage/decision";

    /// <summary>
    /// The policy <c>subject</c> of a registered participant: its id and verified attributes (not its
    /// endpoint), in name order, so that a message that carries it (the broker's callback) is canonical
    /// as written and its signer need not reorder it.
    /// </summary>
    public static JsonObject Subject(Participant participant)
    {
        var members = participant.Attributes
            .Where(a => a.Key != ParticipantAttributes.Endpoint && a.Key != "id")
            .Select(a => KeyValuePair.Create(a.Key, a.Value?.DeepClone()))
            .Append(KeyValuePair.Create("id", (JsonNode?)participant.Id))
            .OrderBy(m => m.Key, StringComparer.Ordinal);
        return new JsonObject(members);
    }

    /// <summary>May <paramref name="subject"/> see <paramref name="offer"/> in the catalog.</summary>
    public static JsonObject Browse(JsonObject subject, Offer offer, DateTimeOffset time) =>
        Document("browse", subject, offer.Label.DeepClone(), OfferView(offer), new JsonObject { ["time"] = Timestamps.Format(time) });

    /// <summary>May <paramref name="subject"/> get a contract for <paramref name="request"/> under <paramref name="offer"/>.</summary>
    public static JsonObject Negotiate(JsonObject subject, Offer offer, ContractRequest request, DateTimeOffset time) =>
        Document("negotiate", subject, offer.Label.DeepClone(), OfferView(offer), new JsonObject
        {
            ["time"] = Timestamps.Format(time),
            ["purpose"] = request.Purpose,
            ["destination"] = request.Destination,
            ["delivery"] = request.Delivery,
            ["terms"] = DomainJson.ToNode(request.Terms),
        });

    /// <summary>May the transfer under <paramref name="agreement"/> run now, after <paramref name="usesSoFar"/> uses.</summary>
    public static JsonObject Transfer(JsonObject subject, Agreement agreement, int usesSoFar, DateTimeOffset time) =>
        Document("transfer", subject, JsonObject.Create(agreement.Label)!, null, AgreementContext(agreement, agreement.Purpose, usesSoFar, time));

    /// <summary>May the consumer's application read the received data now for <paramref name="purpose"/>.</summary>
    public static JsonObject Use(JsonObject subject, Agreement agreement, string purpose, int usesSoFar, DateTimeOffset time) =>
        Document("use", subject, JsonObject.Create(agreement.Label)!, null, AgreementContext(agreement, purpose, usesSoFar, time));

    /// <summary>The flat <c>resource.offer</c> view of an offer.</summary>
    public static JsonObject OfferView(Offer offer)
    {
        var terms = DomainJson.ToNode(offer.Terms);
        terms["id"] = offer.Id;
        return terms;
    }

    private static JsonObject AgreementContext(Agreement agreement, string purpose, int usesSoFar, DateTimeOffset time)
    {
        var terms = DomainJson.ToNode(agreement.Terms);
        terms.Remove("delivery");
        terms["state"] = "FINALIZED";
        return new JsonObject
        {
            ["time"] = Timestamps.Format(time),
            ["purpose"] = purpose,
            ["destination"] = agreement.Destination,
            ["delivery"] = agreement.Terms.Delivery,
            ["usesSoFar"] = usesSoFar,
            ["agreement"] = terms,
        };
    }

    // The label node must be this document's own: cloned, or made from an immutable element.
    private static JsonObject Document(string action, JsonObject subject, JsonNode label, JsonObject? offer, JsonObject context)
    {
        var resource = new JsonObject { ["label"] = label };
        if (offer is not null)
        {
            resource["offer"] = offer;
        }
        return new JsonObject
        {
            ["action"] = action,
            ["subject"] = subject.DeepClone(),
            ["resource"] = resource,
            ["context"] = context,
        };
    }
}
