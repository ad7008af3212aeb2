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
            (await mediator.Send(new Negotiate(body.RequestId ?? Guid.CreateVersion7().ToString("N"), body.OfferId, body.Purpose, body.Destination, body.Delivery ?? "copy", body.Terms), ct)).ToOk())
            .RequireLocalApi().WithTags("Negotiation (consumer)")
            .WithSummary("Negotiate a contract for an offer; returns FINALIZED (the agreement is kept here) or TERMINATED with reasons")
            .WithDescription("Body: {\"offerId\", \"purpose\", \"destination\", \"delivery\"?, \"terms\": {purposes, validFrom, validUntil, maxUses?, deleteBy?}, \"requestId\"?}.");
        return app;
    }

    /// <summary>The body of a negotiation request.</summary>
    internal sealed record NegotiationRequest(string OfferId, string Purpose, string Destination, RequestedTerms Terms, string? Delivery = null, string? RequestId = null);
}
