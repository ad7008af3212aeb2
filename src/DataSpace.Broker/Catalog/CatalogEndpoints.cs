using System.Security.Claims;
using DataSpace.Broker.Common;
using DataSpace.Core.Results;
using DataSpace.Hosting.Problems;
using Mediator;

namespace DataSpace.Broker.Catalog;

/// <summary>The catalog API: providers publish signed offers; participants browse what policy lets them see.</summary>
internal static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapPost("/offers", async Task<IResult> (HttpRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var caller = Caller.ParticipantId(user);
            var body = await request.ReadObjectElementAsync(cancellationToken);
            if (!caller.IsSuccess || !body.IsSuccess)
            {
                return (caller.Error ?? body.Error)!.ToProblem();
            }
            var result = await mediator.Send(new PublishOffer(caller.Value, body.Value), cancellationToken);
            return result.ToCreated(o => $"/offers/{Uri.EscapeDataString(o.Offer.Id)}");
        })
        .RequireAuthorization()
        .WithTags("Catalog")
        .WithSummary("Publish an offer")
        .WithDescription("Body: an offer.published entry signed by the provider (the caller). The label must validate against docs/schemas/label.schema.json.");

        app.MapGet("/catalog", async Task<IResult> (ClaimsPrincipal user, string? cursor, int? limit, IMediator mediator, CancellationToken cancellationToken) =>
        {
            var caller = Caller.ParticipantId(user);
            return caller.IsSuccess
                ? (await mediator.Send(new BrowseCatalog(caller.Value, cursor, limit ?? 50), cancellationToken)).ToOk()
                : caller.Error.ToProblem();
        })
        .RequireAuthorization()
        .WithTags("Catalog")
        .WithSummary("Browse the offers the catalog policy lets the caller see, a page at a time");

        return app;
    }
}
