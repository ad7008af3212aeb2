using System.Text.Json.Nodes;
using DataSpace.Core.Results;

namespace DataSpace.Core.Catalog;

/// <summary>
/// An offer in the catalog: an asset of a provider, its classification label and the terms it is
/// offered under. Published as the body of an <c>offer.published</c> entry signed by the provider.
/// </summary>
/// <param name="Id">The offer id, unique in the space: <c>{assetId}#{name}</c> by convention.</param>
/// <param name="Provider">The provider's participant id.</param>
/// <param name="AssetId">The asset id, <c>{provider}/{suffix}</c>.</param>
/// <param name="Label">The asset's classification label (docs/schemas/label.schema.json).</param>
/// <param name="Terms">The usage policy.</param>
/// <param name="PublishedAt">When the provider published it.</param>
public sealed record Offer(string Id, string Provider, string AssetId, JsonObject Label, OfferTerms Terms, DateTimeOffset PublishedAt)
{
    /// <summary>The entry type an offer is published as.</summary>
    public const string EntryType = "offer.published";

    /// <summary>Checks what the JSON shape cannot: ids, ownership, the interval and the delivery modes.</summary>
    public Error? Validate()
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 200)
        {
            return Error.Invalid("offer.id must be 1-200 characters.");
        }
        if (!Identity.ParticipantId.TryParse(Provider, out _, out var providerError))
        {
            return Error.Invalid($"offer.provider: {providerError}.");
        }
        if (!AssetId.StartsWith(Provider + "/", StringComparison.Ordinal) || AssetId.Length == Provider.Length + 1)
        {
            return Error.Invalid($"offer.assetId must be {Provider}/<suffix>: an asset belongs to its provider's prefix.");
        }
        if (Terms.ValidUntil <= Terms.ValidFrom)
        {
            return Error.Invalid("offer.terms.validUntil must be after validFrom.");
        }
        if (Terms.Purposes.Count == 0 || Terms.Purposes.Any(string.IsNullOrWhiteSpace))
        {
            return Error.Invalid("offer.terms.purposes must name at least one purpose.");
        }
        if (Terms.Delivery.Count == 0 || Terms.Delivery.Any(d => d is not ("copy" or "compute")))
        {
            return Error.Invalid("offer.terms.delivery must list copy and/or compute.");
        }
        if (Terms.MaxUses is <= 0)
        {
            return Error.Invalid("offer.terms.maxUses must be positive when given.");
        }
        return null;
    }
}
