using DataSpace.Connector.Common;
using DataSpace.Core.Catalog;
using DataSpace.Hosting.Problems;
using Mediator;

namespace DataSpace.Connector.Offers;

/// <summary>The provider publishes offers of its assets (local applications only).</summary>
internal static class OfferEndpoints
{
    public static IEndpointRouteBuilder MapOffers(this IEndpointRouteBuilder app)
    {
        app.MapPost("/offers", async (OfferRequest request, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new PublishOffer(request.AssetId, request.OfferId, request.Terms), ct)).ToCreated(o => $"/offers/{Uri.EscapeDataString(o.Offer.Id)}"))
            .RequireLocalApi()
            .WithTags("Offers")
            .WithSummary("Publish an offer of a stored asset in the broker's catalog")
            .WithDescription("Body: {\"assetId\", \"offerId\"?, \"terms\": {purposes, validFrom, validUntil, maxUses?, delivery, public, audience, notifyProvider, destinations?}}.");
        return app;
    }

    /// <summary>The body of an offer request.</summary>
    /// <param name="AssetId">The asset.</param>
    /// <param name="OfferId">The offer id, optional.</param>
    /// <param name="Terms">The terms.</param>
    internal sealed record OfferRequest(string AssetId, OfferTerms Terms, string? OfferId = null);
}
