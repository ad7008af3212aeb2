using DataSpace.Connector.Brokering;
using DataSpace.Connector.Common;
using DataSpace.Core.Negotiation;
using DataSpace.Hosting.Problems;
using Mediator;

namespace DataSpace.Connector.Negotiation;

/// <summary>The consumer's side (local applications only): browse the catalog, negotiate a contract.</summary>
internal static class NegotiationEndpoints
{
    public static IEndpointRouteBuilder MapConsumerNegotiation(this IEndpointRouteBuilder app)
    {
        app.MapGet("/catalog", async (string? cursor, int? limit, BrokerClient broker, CancellationToken ct) => (await broker.BrowseAsync(cursor, limit ?? 50, ct)).ToOk())
            .RequireLocalApi().WithTags("Negotiation (consumer)").WithSummary("The broker's catalog as this participant may see it");
        app.MapPost("/negotiations", async (NegotiationRequest body, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new Negotiate(body.RequestId ?? Guid.CreateVersion7().ToString("N"), body.OfferId, body.Purpose, body.Destination, body.Delivery ?? "copy", body.Terms, body.AcceptNarrowerTerms ?? false), ct)).ToOk())
            .RequireLocalApi().WithTags("Negotiation (consumer)")
            .WithSummary("Negotiate a contract for an offer; returns FINALIZED (the agreement is kept here), OFFERED (a counter-offer to accept or decline) or TERMINATED with reasons")
            .WithDescription("Body: {\"offerId\", \"purpose\", \"destination\", \"delivery\"?, \"terms\": {purposes, validFrom, validUntil, maxUses?, deleteBy?}, \"requestId\"?, \"acceptNarrowerTerms\"?}. With acceptNarrowerTerms, a counter-offer that grants no more than the terms asked is accepted at once.");
        app.MapPost("/negotiations/{negotiationId}/acceptance", async (string negotiationId, CounterOfferAnswer body, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new AcceptCounterOffer(negotiationId, body.Terms!), ct)).ToOk())
            .RequireLocalApi().WithTags("Negotiation (consumer)")
            .WithSummary("Accept the provider's counter-offer; returns FINALIZED or TERMINATED")
            .WithDescription("Body: {\"terms\": the counterTerms of the OFFERED negotiation, exactly}.");
        app.MapPost("/negotiations/{negotiationId}/request", async (string negotiationId, CounterOfferAnswer body, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new CounterRequest(negotiationId, body.Terms!, body.AcceptNarrowerTerms ?? false), ct)).ToOk())
            .RequireLocalApi().WithTags("Negotiation (consumer)")
            .WithSummary("Answer the provider's counter-offer with other terms; returns FINALIZED, OFFERED (a new counter-offer) or TERMINATED")
            .WithDescription("Body: {\"terms\": {purposes, validFrom, validUntil, maxUses?, deleteBy?}, \"acceptNarrowerTerms\"?}. The request is the negotiation's own (same offer, purpose, destination, delivery), signed anew with these terms.");
        app.MapPost("/negotiations/{negotiationId}/termination", async (string negotiationId, CounterOfferAnswer body, IMediator mediator, CancellationToken ct) =>
            (await mediator.Send(new DeclineCounterOffer(negotiationId, body.Reason), ct)).ToOk())
            .RequireLocalApi().WithTags("Negotiation (consumer)")
            .WithSummary("Decline the provider's counter-offer; the negotiation is TERMINATED with the reason recorded")
            .WithDescription("Body: {\"reason\"?}.");
        return app;
    }

    /// <summary>The body of a negotiation request.</summary>
    internal sealed record NegotiationRequest(string OfferId, string Purpose, string Destination, RequestedTerms Terms, string? Delivery = null, string? RequestId = null, bool? AcceptNarrowerTerms = null);

    /// <summary>The body of an answer to a counter-offer: the terms accepted or asked for instead, or why it is declined.</summary>
    internal sealed record CounterOfferAnswer(RequestedTerms? Terms = null, string? Reason = null, bool? AcceptNarrowerTerms = null);
}
