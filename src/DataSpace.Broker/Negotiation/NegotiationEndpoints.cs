using System.Text.Json;
using DataSpace.Core.Api;
using System.Security.Claims;
using System.Text.Json.Nodes;
using DataSpace.Broker.Common;
using DataSpace.Core.Results;
using DataSpace.Hosting.Problems;
using Mediator;

namespace DataSpace.Broker.Negotiation;

/// <summary>
/// The negotiation API (DSP 2025-1 states). The consumer drives: each call carries its signed
/// message and returns once the provider has answered, so a negotiation takes as long as the
/// parties take, with no polling.
/// </summary>
internal static class NegotiationEndpoints
{
    public static IEndpointRouteBuilder MapNegotiation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/negotiations").WithTags("Negotiation").RequireAuthorization();
        group.MapPost("/", (HttpRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            SendAsync(request, user, ct, (caller, body) => mediator.Send(new RequestContract(caller, body), ct), created: true))
            .WithSummary("Request a contract")
            .WithDescription("Body: a negotiation.requested entry signed by the consumer. Answers with the negotiation after the broker's and the provider's decisions: AGREED (countersign the agreement next), OFFERED (a counter-offer) or TERMINATED (with reasons). The same request id always finds the same negotiation.");
        group.MapPost("/{negotiationId}/acceptance", (string negotiationId, HttpRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            SendAsync(request, user, ct, (caller, body) => mediator.Send(new AcceptOffer(caller, negotiationId, body), ct)))
            .WithSummary("Accept the provider's counter-offer")
            .WithDescription("Body: a negotiation.accepted entry signed by the consumer, repeating the offered terms.");
        group.MapPost("/{negotiationId}/verification", (string negotiationId, HttpRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            SendAsync(request, user, ct, (caller, body) => mediator.Send(new VerifyAgreement(caller, negotiationId, body), ct)))
            .WithSummary("Verify (countersign) the agreement")
            .WithDescription("Body: the agreement entry from the AGREED negotiation with the consumer's signature added. Answers FINALIZED with the ledger index once the provider finalizes and the broker records it.");
        group.MapPost("/{negotiationId}/termination", (string negotiationId, HttpRequest request, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            SendAsync(request, user, ct, (caller, body) => mediator.Send(new TerminateNegotiation(caller, negotiationId, body), ct)))
            .WithSummary("Terminate the negotiation")
            .WithDescription("Body: a negotiation.terminated entry signed by the consumer, with its reasons.");
        group.MapGet("/{negotiationId}", async Task<IResult> (string negotiationId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
        {
            var caller = Caller.ParticipantId(user);
            return caller.IsSuccess ? (await mediator.Send(new GetNegotiation(caller.Value, negotiationId), ct)).ToOk() : caller.Error.ToProblem();
        })
        .WithSummary("Where a negotiation stands (parties only)");
        return app;
    }

    private static async Task<IResult> SendAsync(HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken,
        Func<string, JsonElement, ValueTask<Result<NegotiationView>>> send, bool created = false)
    {
        var caller = Caller.ParticipantId(user);
        if (!caller.IsSuccess)
        {
            return caller.Error.ToProblem();
        }
        var body = await request.ReadObjectElementAsync(cancellationToken);
        if (!body.IsSuccess)
        {
            return body.Error.ToProblem();
        }
        var result = await send(caller.Value, body.Value);
        return created ? result.ToCreated(v => $"/negotiations/{v.NegotiationId}") : result.ToOk();
    }
}
